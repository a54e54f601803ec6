extension Stylesheet {
    /// The rules of the admin pages.
    static let admin = """
    .admin-areas { list-style: none; padding: 0; display: grid; gap: 1rem; grid-template-columns: 1fr; }
    .admin-areas h2 { margin-top: 0; }
    .admin-actions { display: grid; gap: 1rem; grid-template-columns: 1fr; margin-top: 1rem; }
    .admin-actions .card h2, .limits-card h3 { margin-top: 0; }
    .admin-form { max-width: 34rem; }
    button.danger { background: var(--error); border-color: var(--error); }
    button.danger:hover { background: #7d0e15; border-color: #7d0e15; }
    .opening-hours { width: auto; }
    .opening-hours input[type=checkbox] { width: 1.25rem; height: 1.25rem; }
    .opening-hours input[type=time] { font: inherit; padding: 0.35rem; border: 2px solid var(--ink); width: 9.5rem; }
    .admin main > section.card { margin-bottom: 1rem; }
    .limit-fields { display: flex; flex-wrap: wrap; gap: 0 1rem; }
    .limit-fields .field { margin-bottom: 0.75rem; }
    .limits-card form { margin-bottom: 0.5rem; }
    .audit-filters { display: grid; gap: 0 1rem; grid-template-columns: 1fr; align-items: end; }
    .audit-filters .field { margin-bottom: 0.75rem; }
    .audit-filters .actions { align-items: center; margin-top: 0; margin-bottom: 0.75rem; }
    .audit-rows { font-size: 0.9rem; }
    .audit-rows td { overflow-wrap: anywhere; }
    .audit-rows .audit-id { font-size: 0.8rem; }
    .audit-refused td { background: #fdf3e6; }
    @media (min-width: 48em) {
      .admin-areas { grid-template-columns: repeat(3, minmax(0, 1fr)); }
      .admin-actions { grid-template-columns: repeat(2, minmax(0, 1fr)); }
      .audit-filters { grid-template-columns: repeat(4, minmax(0, 1fr)); }
    }
    """
}
