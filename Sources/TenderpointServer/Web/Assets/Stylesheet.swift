/// The whole stylesheet: plain CSS, phone width first, widened at 48em. Colours keep text at a
/// contrast of at least 4.5:1 (most at 7:1) on their backgrounds; focus is always visible.
enum Stylesheet {
    /// Every page's rules, then each area's own (in their own files).
    static let text = base + session + schedule + admin + reports

    static let base = """
    :root { --ink: #1b1b1b; --muted: #4a4a4a; --line: #b1b4b6; --paper: #fff; --wash: #f3f2f1;
      --brand: #0b4f8a; --brand-dark: #083b66; --error: #a4121b; --ok: #1e6b34; --warn: #7a4b00;
      --focus: #ffdd00; font-size: 100%; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
    a { color: var(--brand); }
    a:hover { color: var(--brand-dark); }
    :focus-visible { outline: 3px solid var(--ink); outline-offset: 0; box-shadow: 0 0 0 6px var(--focus); }
    .skip-link { position: absolute; left: -9999px; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .skip-link:focus { left: 0.5rem; top: 0.5rem; background: var(--focus); color: var(--ink); padding: 0.5rem; z-index: 10; }
    .site-header { background: var(--brand); color: #fff; }
    .site-header__inner { max-width: 72rem; margin: 0 auto; padding: 0.5rem 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; align-items: center; }
    .site-header a, .site-header .link-button { color: #fff; }
    .brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; }
    .site-header nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
    .site-header nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
    .sign-out { margin-left: auto; display: flex; gap: 0.75rem; align-items: center; }
    .signed-in-as { font-size: 0.9rem; }
    main { display: block; max-width: 72rem; margin: 0 auto; padding: 1rem; }
    h1 { font-size: 1.6rem; margin: 0.5rem 0 1rem; line-height: 1.25; }
    h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
    h3 { font-size: 1.05rem; margin: 1rem 0 0.25rem; }
    .muted, .hint { color: var(--muted); }
    .hint { font-size: 0.9rem; margin: 0 0 0.25rem; }
    table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
    th, td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
    th { font-weight: 600; }
    .nowrap { white-space: nowrap; }
    caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
    .table-scroll { overflow-x: auto; }
    .cards { display: grid; gap: 1rem; grid-template-columns: 1fr; }
    .card { border: 1px solid var(--line); border-radius: 6px; padding: 0.75rem 1rem; background: var(--paper); }
    .card h2 { margin-top: 0; }
    .empty { color: var(--muted); font-style: italic; }
    .badge { display: inline-block; padding: 0 0.4rem; border-radius: 4px; font-size: 0.85rem; border: 1px solid currentColor; }
    .badge--warn { color: var(--warn); }
    .badge--error { color: var(--error); }
    .badge--ok { color: var(--ok); }
    .facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0 0 1rem; }
    .facts dt { font-weight: 600; }
    .facts dd { margin: 0; overflow-wrap: anywhere; }
    label, legend { font-weight: 600; display: block; margin-bottom: 0.25rem; }
    fieldset { border: 0; padding: 0; margin: 0 0 1.25rem; min-width: 0; }
    .field { margin-bottom: 1.25rem; }
    input[type=text], input[type=password], input[type=search], input[type=date], input[type=number], input[type=datetime-local], select, textarea {
      font: inherit; padding: 0.5rem; border: 2px solid var(--ink); border-radius: 0; width: 100%; max-width: 30rem; background: #fff; color: var(--ink); }
    textarea { min-height: 5rem; }
    .field--error input, .field--error textarea, .field--error select { border-color: var(--error); }
    .field--error { border-left: 4px solid var(--error); padding-left: 0.75rem; }
    .error-message { color: var(--error); font-weight: 600; margin: 0 0 0.25rem; }
    .error-summary { border: 3px solid var(--error); padding: 0.75rem 1rem; margin-bottom: 1.25rem; }
    .error-summary h2 { margin-top: 0; color: var(--error); }
    .notice { border-left: 4px solid var(--ok); background: var(--wash); padding: 0.5rem 0.75rem; margin-bottom: 1rem; }
    button, .button { font: inherit; font-weight: 600; background: var(--brand); color: #fff; border: 2px solid var(--brand); padding: 0.6rem 1.2rem; border-radius: 4px; cursor: pointer; text-decoration: none; display: inline-block; }
    button:hover, .button:hover { background: var(--brand-dark); color: #fff; }
    .link-button { background: none; border: 0; padding: 0; text-decoration: underline; font-weight: 400; }
    .link-button:hover { background: none; }
    .search { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; margin-bottom: 1rem; }
    .search .field { margin: 0; flex: 1 1 14rem; }
    .scale { display: grid; grid-template-columns: repeat(11, minmax(0, 1fr)); gap: 2px; max-width: 36rem; }
    .scale input { position: absolute; opacity: 0; width: 1px; height: 1px; }
    .scale label { font-weight: 600; text-align: center; padding: 0.55rem 0; border: 2px solid var(--ink); margin: 0; cursor: pointer; background: #fff; }
    .scale input:checked + label { background: var(--brand); color: #fff; border-color: var(--brand); }
    .scale input:focus-visible + label { outline: 3px solid var(--ink); box-shadow: 0 0 0 6px var(--focus); }
    .scale-ends { display: flex; justify-content: space-between; max-width: 36rem; font-size: 0.85rem; color: var(--muted); }
    .checks { list-style: none; padding: 0; margin: 0; columns: 2 12rem; }
    .checks li { break-inside: avoid; margin-bottom: 0.35rem; }
    .checks label { display: inline; font-weight: 400; }
    .checks input { width: 1.25rem; height: 1.25rem; vertical-align: -0.2rem; margin-right: 0.35rem; }
    .body-chart { display: flex; gap: 0.5rem; justify-content: center; max-width: 26rem; }
    .body-chart figure { margin: 0; flex: 1 1 0; text-align: center; }
    .body-chart figcaption { font-size: 0.85rem; color: var(--muted); }
    .body-chart svg { width: 100%; height: auto; }
    .body-area { fill: #e8eef4; stroke: #1b1b1b; stroke-width: 1; }
    .body-area.is-selected { fill: #c0392b; }
    .js .body-area { cursor: pointer; }
    .body-outline { fill: none; stroke: #6b6b6b; stroke-width: 1; }
    .tender-point { fill: #fff; stroke: #1b1b1b; stroke-width: 1.5; }
    .tender-point.is-selected { fill: #c0392b; }
    .chart-frame { overflow-x: auto; }
    .chart { width: 100%; min-width: 40rem; height: auto; display: block; }
    .chart text { font: 11px system-ui, sans-serif; fill: #1b1b1b; }
    .chart .axis { stroke: #1b1b1b; stroke-width: 1; }
    .chart .grid { stroke: #d0d0d0; stroke-width: 1; }
    .chart .window { fill: #cfe8d5; }
    .chart .session { stroke: #0b4f8a; stroke-width: 2; }
    .chart .session-marker { fill: #0b4f8a; }
    .chart .follow-up { stroke: #7a4b00; stroke-width: 1; stroke-dasharray: 3 3; }
    .chart .follow-up-label { fill: #7a4b00; font-size: 10px; }
    .chart .entry { fill: #6b6b6b; opacity: 0.55; }
    .chart .today { stroke: #1b1b1b; stroke-width: 1; stroke-dasharray: 1 3; }
    .chart .mean { fill: none; stroke: #a4121b; stroke-width: 2; }
    .chart-legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; padding: 0; font-size: 0.9rem; }
    .legend-swatch { display: inline-block; width: 1rem; height: 0.75rem; margin-right: 0.3rem; vertical-align: -0.05rem; border: 1px solid #1b1b1b; }
    .legend-swatch--mean { background: #a4121b; height: 0.25rem; vertical-align: 0.2rem; border: 0; }
    .legend-swatch--entry { background: #6b6b6b; border-radius: 50%; width: 0.6rem; height: 0.6rem; border: 0; }
    .legend-swatch--session { background: #0b4f8a; width: 0.25rem; border: 0; }
    .legend-swatch--follow-up { border: 0; border-left: 2px dashed #7a4b00; width: 0.25rem; }
    .legend-swatch--window { background: #cfe8d5; }
    .range-links { display: flex; gap: 1rem; flex-wrap: wrap; margin: 0 0 0.5rem; }
    .login { max-width: 24rem; margin: 2rem auto; }
    input.narrow, input[type=number].narrow { max-width: 6rem; }
    .exam-section { border-top: 3px solid var(--brand); padding-top: 0.75rem; margin-top: 1.5rem; }
    .exam-section > legend { font-size: 1.2rem; }
    .section-toggle { margin-bottom: 0.75rem; }
    .section-toggle label, label.inline { display: inline; font-weight: 400; }
    .section-toggle input, .field input[type=checkbox] { width: 1.25rem; height: 1.25rem; vertical-align: -0.2rem; margin-right: 0.35rem; }
    .levels { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
    .levels label { display: inline; font-weight: 400; margin-left: 0.2rem; }
    .fiqr-items { display: grid; gap: 0.5rem 1.5rem; grid-template-columns: 1fr; }
    .fiqr-item label { font-weight: 400; }
    .live-score { display: block; margin: 0.75rem 0; padding: 0.5rem 0.75rem; background: var(--wash); font-weight: 600; min-height: 2.5rem; }
    .live-score:empty::before { content: "Scores appear here as you enter answers."; font-weight: 400; color: var(--muted); }
    .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1rem; }
    button.secondary, .button.secondary { background: #fff; color: var(--brand); }
    button.secondary:hover { background: var(--wash); color: var(--brand-dark); }
    .body-chart .tender-point { cursor: default; }
    .js .body-chart .tender-point { cursor: pointer; }
    .entries { list-style: none; padding: 0; }
    .entries li { border-bottom: 1px solid var(--line); padding: 0.5rem 0; }
    .pager { display: flex; gap: 1rem; margin: 1rem 0; }
    @media (min-width: 48em) {
      main { padding: 1.5rem 2rem; }
      h1 { font-size: 2rem; }
      .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); }
      .patient-layout { display: grid; grid-template-columns: 18rem 1fr; gap: 2rem; }
      .fiqr-items { grid-template-columns: repeat(3, minmax(0, 1fr)); }
    }
    @media print { .site-header, .skip-link, form { display: none; } }
    """
}
