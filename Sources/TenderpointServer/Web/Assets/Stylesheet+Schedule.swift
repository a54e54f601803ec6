extension Stylesheet {
    /// The rules of the schedule: days stack on a phone and sit side by side from 48em; free
    /// slots are small links that wrap; a cancelled appointment is struck through but readable.
    static let schedule = """
    .schedule-picker .field, .booking-patient .search .field { flex: 0 1 30rem; }
    input[type=time] { font: inherit; padding: 0.5rem; border: 2px solid var(--ink); border-radius: 0; background: #fff; color: var(--ink); }
    .field--error input[type=time] { border-color: var(--error); }
    .week-nav { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; margin: 0.5rem 0; }
    .schedule-week { display: grid; gap: 1rem; grid-template-columns: 1fr; }
    .schedule-day { border: 1px solid var(--line); border-radius: 6px; padding: 0.5rem 0.75rem; min-width: 0; }
    .schedule-day--today { border: 2px solid var(--brand); }
    .schedule-day h3 { margin: 0 0 0.5rem; }
    .schedule-items { list-style: none; margin: 0; padding: 0; }
    .schedule-items > li { border-top: 1px solid var(--line); padding: 0.4rem 0; }
    .schedule-items > li:first-child { border-top: 0; }
    .schedule-time { display: block; font-variant-numeric: tabular-nums; }
    .schedule-kind { font-size: 0.9rem; color: var(--muted); }
    .schedule-appointment.is-cancelled .schedule-time, .schedule-appointment.is-cancelled > a,
    .schedule-appointment.is-cancelled > span { text-decoration: line-through; }
    .schedule-cancel { margin: 0.25rem 0 0; }
    .schedule-cancel .link-button { color: var(--error); padding: 0.25rem 0; }
    .schedule-free__label { font-size: 0.9rem; color: var(--muted); }
    .schedule-slots { list-style: none; margin: 0.25rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.35rem; }
    .slot { display: inline-block; padding: 0.3rem 0.5rem; border: 1px solid var(--brand); border-radius: 4px;
      font-variant-numeric: tabular-nums; text-decoration: none; min-width: 3.5rem; text-align: center; }
    a.slot:hover { background: var(--wash); }
    span.slot { border-color: var(--line); color: var(--muted); }
    .calendar-feed { margin-top: 1.5rem; }
    .calendar-feed .actions form { margin: 0; }
    .feed-link input { max-width: 100%; font-family: ui-monospace, monospace; font-size: 0.85rem; }
    .booking-when__parts { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; }
    .booking-when__parts input { width: auto; }
    .booking-patients { margin-top: 0.5rem; }
    @media (min-width: 48em) {
      .schedule-week { grid-template-columns: repeat(auto-fit, minmax(9.5rem, 1fr)); }
    }
    """
}
