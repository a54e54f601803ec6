extension Stylesheet {
    /// The rules of session charting: the injection rows and the running totals. Over a limit is
    /// said in words with a sign and a heavy border, never by colour alone.
    static let session = """
    .injection-rows select { min-width: 10rem; max-width: 17rem; }
    .injection-rows td { vertical-align: middle; }
    .injection-rows output { font-variant-numeric: tabular-nums; }
    .row-check:empty { display: none; }
    .row-check { color: var(--error); font-weight: 600; margin-top: 0.25rem; max-width: 30rem; }
    .row-actions { display: none; }
    .js .row-actions { display: table-cell; }
    .js .no-script-only { display: none; }
    .add-row { margin: 0 0 1rem; }
    .injection-rows .remove-row, .injection-rows .remove-row:hover { color: var(--brand); white-space: nowrap; }
    .totals { border: 2px solid var(--brand); border-radius: 6px; padding: 0.75rem 1rem; margin: 1rem 0; background: var(--wash); }
    .totals h2 { margin-top: 0; }
    .totals table { background: var(--paper); }
    .totals-facts { margin-bottom: 0.5rem; }
    .totals-facts dd { font-variant-numeric: tabular-nums; }
    .limit-status { white-space: nowrap; }
    .limit-status--over { color: var(--error); border: 2px solid var(--error); padding: 0 0.35rem; border-radius: 4px; background: var(--paper); }
    .totals .is-over { font-weight: 700; }
    .totals-problems { color: var(--error); padding-left: 1.25rem; margin: 0.5rem 0 0; }
    .totals-problems:empty { display: none; }
    .totals-problems__title { list-style: none; margin-left: -1.25rem; font-weight: 700; }
    """
}
