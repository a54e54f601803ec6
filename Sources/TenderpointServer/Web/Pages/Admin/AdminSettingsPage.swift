import Foundation
import Plot
import TenderpointCore

/// `/admin/settings`: the clinic's settings as the settings API has them in force — opening
/// days and hours, closed dates and the bank holiday region (with this year's holidays), the
/// pregnancy screening policy, how long a consent stays in force and how far back a diary may
/// reach, and per product the dose limits beside the label's default, flagged where higher.
enum AdminSettingsPage {
    struct Model: Sendable, Equatable {
        let settings: SettingsDTO
        var form: AdminSettingsForm
        var errors: [String: String] = [:]
        var notice: String?
        /// The clinic's current year, whose bank holidays the page lists.
        var holidayYear: Int

        init(settings: SettingsDTO, now: Date = Date()) {
            self.settings = settings
            form = AdminSettingsForm(settings)
            holidayYear = CalendarDate(now, in: TimeZone(identifier: settings.timeZone) ?? ClinicCalendar.london).year
        }
    }

    /// True when the clinic's limits for a product are above its label's default in any of the
    /// three (or the product has no default at all): the core's rule, as the audit record says it.
    static func raisedAboveDefault(_ limits: SettingsDTO.ProductLimits) -> Bool {
        guard limits.clinicSet, let effective = limits.effective else { return false }
        guard let reference = limits.default else { return true }
        return effective.exceedsAny(of: reference)
    }

    static func text(_ limits: DoseLimits?) -> String {
        guard let limits else { return "not set" }
        return "\(limits.perSite.plain) / \(limits.perSession.plain) / \(limits.cumulativeThreeMonths.plain) U"
    }

    static func notice(_ saved: String?) -> String? {
        guard let saved else { return nil }
        switch saved {
        case "calendar": return "Saved: the opening days, hours and closed dates."
        case "pregnancy": return "Saved: the pregnancy screening policy."
        case "periods": return "Saved: how long a consent stays in force and how far back a diary entry may reach."
        default:
            if saved.hasPrefix("limits-"), let product = ToxinProduct(rawValue: String(saved.dropFirst(7))) {
                return "Saved: the dose limits for \(product.rawValue)."
            }
            if saved.hasPrefix("reset-"), let product = ToxinProduct(rawValue: String(saved.dropFirst(6))) {
                return "Saved: \(product.rawValue) follows its label's default again."
            }
            return nil
        }
    }

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            let errorList = model.errors.sorted { $0.key < $1.key }.map { (field: $0.key, message: $0.value) }
            return Layout.document(title: "Clinic settings", context: context, bodyClass: "admin", main: .group(
                .p(.a(.href("/admin"), "← Administration")),
                .h1("Clinic settings"),
                .unwrap(model.notice) { .div(.class("notice"), .attribute(named: "role", value: "status"), .safe($0)) },
                FormControls.errorSummary(errorList, title: "The setting was not saved"),
                fixed(model),
                calendar(model, context: context),
                pregnancy(model, context: context),
                periods(model, context: context),
                limits(model, context: context)
            ))
        }

        /// What is shown but set elsewhere: the time zone (server configuration) and the
        /// interval rule (DOMAIN.md §3: a rule of the core, the same for every clinic).
        private static func fixed(_ model: Model) -> Node<HTML.BodyContext> {
            .section(.class("card"), .attribute(named: "aria-labelledby", value: "fixed-heading"),
                .h2(.id("fixed-heading"), "Time zone and treatment interval"),
                .dl(.class("facts"),
                    .dt("Time zone"),
                    .dd(.strong(.id("time-zone"), .safe(model.settings.timeZone)),
                        .div(.class("hint"), "Set on the server with CLINIC_TIMEZONE (an IANA identifier such as Europe/London); every instance must use the same.")),
                    .dt("Minimum interval"),
                    .dd(.safe("\(ReinjectionWindow.minimumIntervalDays) days (12 weeks) between toxin sessions, whatever the product"),
                        .div(.class("hint"), "A clinical rule, not a setting: a clinician may override it for one session with a written reason.")),
                    .dt("Target window"),
                    .dd(.safe("Days \(ReinjectionWindow.targetFromDays)–\(ReinjectionWindow.targetToDays) (weeks 12–16) after the last session")),
                    .dt("Follow-ups"),
                    .dd(.safe(FollowUpKind.allCases.map(\.label).joined(separator: ", ") + "; moved to the next open day"))))
        }

        private static func calendar(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
            let errors = model.errors
            return .section(.class("card"), .id("calendar"), .attribute(named: "aria-labelledby", value: "calendar-heading"),
                .h2(.id("calendar-heading"), "Opening days and hours"),
                .form(.action("/admin/settings/calendar"), .method(.post), .novalidate(),
                    Layout.csrfField(context),
                    .fieldset(.id("openWeekdays-field"), .class(errors["openWeekdays"] == nil ? "field" : "field field--error"),
                        .element(named: "legend", nodes: [.text("Open days and their hours")]),
                        FormControls.errorMessage("openWeekdays", errors["openWeekdays"]),
                        .div(.class("table-scroll"), .table(.class("opening-hours"),
                            .thead(.tr(.th("Day"), .th("Open"), .th("Opens"), .th("Closes"))),
                            .tbody(.forEach(Weekday.allCases) { day in
                                let typed = model.form.days[day] ?? AdminSettingsForm.Day(open: false, opens: "", closes: "")
                                let name = day.rawValue
                                let rowError = errors["hours-\(name)"]
                                return .tr(.id("hours-\(name)-field"), .class(rowError == nil ? "" : "field--error"),
                                    .th(.safe(name.capitalized), FormControls.errorMessage("hours-\(name)", rowError)),
                                    .td(.input(.type(.checkbox), .id("open-\(name)"), .name("open-\(name)"), .attr("value", "on"),
                                               .attr("aria-label", "Open on \(name.capitalized)"), .flag("checked", typed.open))),
                                    .td(.input(.type(.time), .id("opens-\(name)"), .name("opens-\(name)"),
                                               .attr("aria-label", "Opens on \(name.capitalized)"), .attr("value", typed.opens))),
                                    .td(.input(.type(.time), .id("closes-\(name)"), .name("closes-\(name)"),
                                               .attr("aria-label", "Closes on \(name.capitalized)"), .attr("value", typed.closes))))
                            })))),
                    .div(.id("closedDates-field"), .class(errors["closedDates"] == nil ? "field" : "field field--error"),
                         .label(.for("closedDates"), "Closed dates"),
                         .p(.class("hint"), .id("closedDates-hint"), "One date a line (YYYY-MM-DD): training days, one-off holidays; the bank holidays below close the clinic already. Follow-ups falling on a closed day move to the next open day."),
                         FormControls.errorMessage("closedDates", errors["closedDates"]),
                         .textarea(.id("closedDates"), .name("closedDates"), .attr("aria-describedby", "closedDates-hint"),
                                   .attr("rows", "4"), .safe(model.form.closedDates))),
                    holidayRegion(model),
                    .button(.type(.submit), "Save the opening days")))
        }

        /// The bank holiday region, with the holidays it closes this year (as saved).
        private static func holidayRegion(_ model: Model) -> Node<HTML.FormContext> {
            let error = model.errors["holidayRegion"]
            let region = model.settings.holidayRegion
            let holidays = BankHolidays.holidays(in: model.holidayYear, region: region)
            let list = holidays.map { holiday in
                let text = "\(holiday.name) \(Self.dayMonth(holiday.observed))"
                return holiday.isSubstitute ? text + " (substitute day)" : text
            }
            return .div(.id("holidayRegion-field"), .class(error == nil ? "field" : "field field--error"),
                .label(.for("holidayRegion"), "Bank holidays"),
                .p(.class("hint"), .id("holidayRegion-hint"),
                   "The clinic is closed on the region's bank holidays, computed by rule with their substitute days. One-off holidays (a coronation, a state funeral) are not rules: add them to the closed dates."),
                FormControls.errorMessage("holidayRegion", error),
                FormControls.select(id: "holidayRegion", name: "holidayRegion", selected: model.form.holidayRegion,
                                    options: HolidayRegion.allCases.map { ($0.rawValue, $0.label) }),
                .p(.class("hint"), .id("holidays-this-year"),
                   .safe(list.isEmpty
                         ? "No bank holidays close the clinic in \(model.holidayYear)."
                         : "In \(model.holidayYear) (\(region.label)): " + list.joined(separator: "; ") + ".")))
        }

        /// "25 December".
        static func dayMonth(_ date: CalendarDate) -> String {
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                          "October", "November", "December"]
            return "\(date.day) \(months[date.month - 1])"
        }

        private static func periods(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
            func field(_ name: String, _ label: String, _ hint: String, _ value: String) -> Node<HTML.FormContext> {
                let error = model.errors[name]
                return .div(.id("\(name)-field"), .class(error == nil ? "field" : "field field--error"),
                            .label(.for(name), .safe(label)),
                            .p(.class("hint"), .id("\(name)-hint"), .safe(hint)),
                            FormControls.errorMessage(name, error),
                            .input(.type(.text), .id(name), .name(name), .class("narrow"), .attr("inputmode", "numeric"),
                                   .attr("aria-describedby", error == nil ? "\(name)-hint" : "\(name)-hint \(name)-error"),
                                   .attr("value", value)))
            }
            let months = ClinicRules.consentValidityMonthsRange, days = ClinicRules.diaryMaxDaysBackRange
            return .section(.class("card"), .id("periods"), .attribute(named: "aria-labelledby", value: "periods-heading"),
                .h2(.id("periods-heading"), "Consent and diary"),
                .form(.action("/admin/settings/periods"), .method(.post), .novalidate(),
                    Layout.csrfField(context),
                    field("consentValidityMonths", "A consent stays in force for (months)",
                          "From the consent's date, unless withdrawn: \(months.lowerBound)–\(months.upperBound) months, \(ClinicRules.defaultConsentValidityMonths) by default. A session needs a consent in force on its own date.",
                          model.form.consentValidityMonths),
                    field("diaryMaxDaysBack", "A diary entry may describe a day up to (days back)",
                          "How far back a patient may write about: \(days.lowerBound)–\(days.upperBound) days, \(ClinicRules.defaultDiaryMaxDaysBack) by default.",
                          model.form.diaryMaxDaysBack),
                    .button(.type(.submit), "Save the periods")))
        }

        private static func pregnancy(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
            let options: [(value: String, label: String)] = [
                ("blocks", "A “yes” blocks the session (the default)"),
                ("needsAcknowledgement", "A “yes” needs a clinician's acknowledgement"),
            ]
            return .section(.class("card"), .id("pregnancy"), .attribute(named: "aria-labelledby", value: "pregnancy-heading"),
                .h2(.id("pregnancy-heading"), "Pregnancy screening"),
                .form(.action("/admin/settings/pregnancy-policy"), .method(.post),
                    Layout.csrfField(context),
                    .fieldset(.id("effect-field"), .class(model.errors["effect"] == nil ? "field" : "field field--error"),
                        .element(named: "legend", nodes: [.text("When a patient answers that she is pregnant")]),
                        .p(.class("hint"), "A clinic policy, not a label contraindication: human data are insufficient."),
                        FormControls.errorMessage("effect", model.errors["effect"]),
                        .forEach(options.enumerated()) { index, option in
                            .div(.input(.type(.radio), .id("effect-\(index)"), .name("effect"), .attr("value", option.value),
                                        .flag("checked", model.form.pregnancyPolicy == option.value)),
                                 .label(.class("inline"), .for("effect-\(index)"), .safe(" " + option.label)))
                        }),
                    .button(.type(.submit), "Save the policy")))
        }

        private static func limits(_ model: Model, context: PageContext) -> Node<HTML.BodyContext> {
            .section(.id("limits"), .attribute(named: "aria-labelledby", value: "limits-heading"),
                .h2(.id("limits-heading"), "Dose limits"),
                .p(.class("hint"), "Per site, per session and cumulative over the last 3 calendar months, in the product's own units (never interchangeable). Lowering a default is always allowed; raising one above the label's default is flagged and audited. A product with no limits cannot be charted."),
                .div(.class("cards"), .forEach(ToxinProduct.allCases) { product in
                    productCard(product, model: model, context: context)
                }))
        }

        private static func productCard(_ product: ToxinProduct, model: Model, context: PageContext) -> Node<HTML.BodyContext> {
            let limits = model.settings.doseLimits[product.rawValue]
            let typed = model.form.limits[product] ?? AdminSettingsForm.Limits(perSite: "", perSession: "", cumulativeThreeMonths: "")
            let raised = limits.map(AdminSettingsPage.raisedAboveDefault) ?? false
            let prefix = product.rawValue
            let general = AdminSettingsForm.limitField(product, nil)
            func field(_ name: String, _ label: String, _ value: String) -> Node<HTML.FormContext> {
                let id = AdminSettingsForm.limitField(product, name)
                return .div(.id("\(id)-field"), .class(model.errors[id] == nil ? "field" : "field field--error"),
                            .label(.for(id), .safe(label)),
                            FormControls.errorMessage(id, model.errors[id]),
                            .input(.type(.text), .id(id), .name(name), .class("narrow"), .attr("inputmode", "decimal"), .attr("value", value)))
            }
            return .section(.class("card limits-card"), .id("limits-\(prefix)"), .attribute(named: "aria-labelledby", value: "\(prefix)-heading"),
                .h3(.id("\(prefix)-heading"), .safe(product.rawValue)),
                .dl(.class("facts"),
                    .dt("Label default"), .dd(.safe(text(limits?.default))),
                    .dt("In force"), .dd(.span(.id("\(prefix)-effective"), .safe(text(limits?.effective))),
                                         .text(" "), .safe(limits?.clinicSet == true ? "(the clinic's own)" : "(the label's default)")),
                    .dt("Flag"), .dd(raised
                        ? .span(.class("badge badge--warn"), .id("\(prefix)-raised"),
                                .safe(limits?.default == nil ? "Set by the clinic: the label has no default" : "Raised above the label's default"))
                        : .text("—"))),
                .div(.id("\(general)-field"), FormControls.errorMessage(general, model.errors[general])),
                .form(.action("/admin/settings/dose-limits/\(prefix)"), .method(.post), .novalidate(),
                      Layout.csrfField(context),
                      .div(.class("limit-fields"),
                           field("perSite", "Per site (U)", typed.perSite),
                           field("perSession", "Per session (U)", typed.perSession),
                           field("cumulativeThreeMonths", "3 months (U)", typed.cumulativeThreeMonths)),
                      .button(.type(.submit), "Save the limits")),
                .if(limits?.clinicSet == true, .form(
                    .action("/admin/settings/dose-limits/\(prefix)/reset"), .method(.post), Layout.csrfField(context),
                    .button(.type(.submit), .class("secondary"),
                            .safe(limits?.default == nil ? "Remove the clinic's limits" : "Go back to the label's default")))))
        }
    }
}
