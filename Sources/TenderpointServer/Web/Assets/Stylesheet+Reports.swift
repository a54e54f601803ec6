extension Stylesheet {
    /// The outcome charts (report page and the patient page's "Response to treatment"), the
    /// report's filters, figures and tables. Text colours keep 4.5:1 or better on their
    /// backgrounds; lines and fills that carry meaning are also told apart by dash or shape, and
    /// every chart has a table beside it saying the same.
    static let reports = """
    .chart .tick { stroke: #1b1b1b; stroke-width: 1; }
    .chart .axis-title, .chart .at-risk-label, .chart .value, .chart .milestone-label { font-weight: 600; }
    .chart .caption, .chart .empty { fill: #4a4a4a; }
    .chart .empty { font-style: italic; }
    .chart .band { fill: #c9ddf0; }
    .chart .survival { fill: none; stroke: #0b4f8a; stroke-width: 2.5; }
    .chart .half { stroke: #6b6b6b; stroke-width: 1; stroke-dasharray: 4 4; }
    .chart .median { stroke: #a4121b; stroke-width: 1.5; stroke-dasharray: 5 3; }
    .chart .median-label { fill: #a4121b; font-weight: 600; }
    .chart .bar { fill: #0b4f8a; }
    .chart .whisker { stroke: #1b1b1b; stroke-width: 1.5; }
    .chart .baseline { stroke: #7a4b00; stroke-width: 1.5; stroke-dasharray: 6 3; }
    .chart .baseline-label { fill: #7a4b00; }
    .chart .daily { fill: #6b6b6b; opacity: 0.55; }
    .chart .smoothed { fill: none; stroke: #a4121b; stroke-width: 2; }
    .chart .milestone { stroke: #fff; stroke-width: 1.5; }
    .chart .milestone.onset { fill: #1e6b34; }
    .chart .milestone.peak { fill: #0b4f8a; }
    .chart .milestone.wear-off { fill: #7a4b00; }
    .lead { font-size: 1.05rem; }
    .report-filters fieldset { border: 1px solid var(--line); padding: 0.75rem 1rem 0; }
    .report-filters legend { padding: 0 0.25rem; }
    .report-filters .actions { margin: 0 0 1rem; align-items: center; }
    .filter-grid { display: grid; gap: 0 1.25rem; grid-template-columns: minmax(0, 1fr); }
    .figures { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0 1rem; align-items: baseline; }
    .figures dt { font-weight: 600; }
    .figures dd { margin: 0; font-weight: 700; font-size: 1.15rem; }
    th.number, td.number { text-align: right; font-variant-numeric: tabular-nums; }
    tfoot th, tfoot td { border-top: 2px solid var(--ink); font-weight: 600; }
    .caveat { border-left: 4px solid var(--warn); background: var(--wash); padding: 0.25rem 1rem 0.5rem; margin: 1.5rem 0; }
    .caveat h2 { margin-top: 0.5rem; }
    .downloads { padding-left: 1.25rem; }
    .downloads li { margin-bottom: 0.35rem; }
    .downloads code { overflow-wrap: anywhere; }
    .outcome-chart { margin: 0.5rem 0 1rem; }
    .outcome-chart .chart, .outcomes .chart { max-width: 52rem; }
    .outcome-chart figcaption { font-size: 0.9rem; color: var(--muted); }
    details.steps > summary, details.cycle > summary { cursor: pointer; font-weight: 600; padding: 0.4rem 0; }
    .outcomes { border-top: 3px solid var(--brand); margin-top: 2rem; }
    .outcomes .chart-frame { margin: 0.5rem 0; }
    details.cycle { border-bottom: 1px solid var(--line); padding: 0.25rem 0 0.5rem; }
    .flag { border-left: 4px solid var(--warn); background: var(--wash); padding: 0.25rem 0.75rem; margin: 0.5rem 0; }
    tr.short-interval td { background: #fdf1dc; }
    @media (min-width: 48em) {
      .filter-grid { grid-template-columns: repeat(2, minmax(0, 1fr)); }
      .prediction .facts, .milestones { grid-template-columns: 14rem 1fr; }
    }
    @media (min-width: 64em) { .filter-grid { grid-template-columns: repeat(3, minmax(0, 1fr)); } }
    """
}
