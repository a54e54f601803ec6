import Plot
import Vapor

/// A page that says what went wrong in words, with a way on.
enum ErrorPage {
    struct Model: Sendable, Equatable {
        let status: HTTPResponseStatus
        let title: String
        let message: String

        static func == (left: Model, right: Model) -> Bool {
            left.status.code == right.status.code && left.title == right.title && left.message == right.message
        }
    }

    enum View {
        static func render(_ model: Model, context: PageContext) -> HTML {
            Layout.document(title: model.title, context: context, main: .div(
                .class("error-page"),
                .h1(.safe(model.title)),
                .p(.safe(model.message)),
                .p(.a(.href(context.user.map(NavigationItem.home(for:)) ?? "/login"), .text("Go to your start page")))
            ))
        }
    }
}
