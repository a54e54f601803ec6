import Foundation
import TenderpointCore

/// The body chart (SVG, drawn here), front and back: the 19 WPI areas as shapes to tap, and
/// the 18 ACR tender points as dots. The drawing only mirrors a list of checkboxes, which is
/// what a form submits and what a keyboard or screen reader uses, so it is hidden from
/// assistive technology. In the front view the patient's right is on the viewer's left; in the
/// back view on the viewer's right.
enum BodyChart {
    static let width = 120.0
    static let height = 260.0

    /// A shape in a view: a rounded rectangle, enough to tell the areas apart at a glance.
    struct Shape: Sendable {
        let x: Double
        let y: Double
        let width: Double
        let height: Double
    }

    /// Where each area is drawn, in each view that shows it (sides as seen from the front).
    static func shapes(_ area: WPIArea, view: ChartView) -> [Shape] {
        // Positions of the patient's right side in the front view; the left mirrors them.
        func sided(_ side: Side, _ shape: Shape) -> Shape {
            let onViewerLeft = (side == .right) == (view == .front)
            return onViewerLeft ? shape : Shape(x: width - shape.x - shape.width, y: shape.y, width: shape.width, height: shape.height)
        }
        switch (area, view) {
        case (.jawRight, .front): return [sided(.right, Shape(x: 48, y: 28, width: 10, height: 9))]
        case (.jawLeft, .front): return [sided(.left, Shape(x: 48, y: 28, width: 10, height: 9))]
        case (.neck, _): return [Shape(x: 53, y: 39, width: 14, height: 9)]
        case (.shoulderGirdleRight, _): return [sided(.right, Shape(x: 28, y: 48, width: 24, height: 11))]
        case (.shoulderGirdleLeft, _): return [sided(.left, Shape(x: 28, y: 48, width: 24, height: 11))]
        case (.upperArmRight, _): return [sided(.right, Shape(x: 22, y: 61, width: 13, height: 42))]
        case (.upperArmLeft, _): return [sided(.left, Shape(x: 22, y: 61, width: 13, height: 42))]
        case (.lowerArmRight, _): return [sided(.right, Shape(x: 16, y: 105, width: 13, height: 44))]
        case (.lowerArmLeft, _): return [sided(.left, Shape(x: 16, y: 105, width: 13, height: 44))]
        case (.chest, .front): return [Shape(x: 39, y: 61, width: 42, height: 31)]
        case (.abdomen, .front): return [Shape(x: 41, y: 94, width: 38, height: 30)]
        case (.upperBack, .back): return [Shape(x: 39, y: 61, width: 42, height: 34)]
        case (.lowerBack, .back): return [Shape(x: 41, y: 97, width: 38, height: 27)]
        case (.hipRight, .front): return [sided(.right, Shape(x: 37, y: 126, width: 11, height: 20))]
        case (.hipLeft, .front): return [sided(.left, Shape(x: 37, y: 126, width: 11, height: 20))]
        case (.hipRight, .back): return [sided(.right, Shape(x: 39, y: 126, width: 20, height: 22))]
        case (.hipLeft, .back): return [sided(.left, Shape(x: 39, y: 126, width: 20, height: 22))]
        case (.upperLegRight, _): return [sided(.right, Shape(x: 40, y: 150, width: 18, height: 52))]
        case (.upperLegLeft, _): return [sided(.left, Shape(x: 40, y: 150, width: 18, height: 52))]
        case (.lowerLegRight, _): return [sided(.right, Shape(x: 42, y: 205, width: 14, height: 50))]
        case (.lowerLegLeft, _): return [sided(.left, Shape(x: 42, y: 205, width: 14, height: 50))]
        default: return []
        }
    }

    /// Where each tender point is drawn (x, y in the view), and in which view (DOMAIN.md §1.1).
    static func point(_ site: TenderPointSite) -> (view: ChartView, x: Double, y: Double) {
        let view: ChartView
        var x: Double
        let y: Double
        switch site.location {
        case .occiput: (view, x, y) = (.back, 54, 30)
        case .lowCervical: (view, x, y) = (.front, 56, 44)
        case .trapezius: (view, x, y) = (.back, 44, 52)
        case .supraspinatus: (view, x, y) = (.back, 48, 64)
        case .secondRib: (view, x, y) = (.front, 50, 66)
        case .lateralEpicondyle: (view, x, y) = (.front, 27, 104)
        case .gluteal: (view, x, y) = (.back, 48, 132)
        case .greaterTrochanter: (view, x, y) = (.back, 40, 146)
        case .knee: (view, x, y) = (.front, 52, 203)
        }
        // x above is the patient's right as drawn in the front view (viewer's left); the back
        // view shows the patient's right on the viewer's right.
        let onViewerLeft = (site.side == .right) == (view == .front)
        if !onViewerLeft { x = width - x }
        return (view, x, y)
    }

    /// One view as SVG. `areas`/`points` say which to draw as selected; either may be nil to
    /// leave that layer out (the diary has no tender points; the exam has both).
    static func svg(view: ChartView, areas: Set<WPIArea>?, points: Set<TenderPointSite>? = nil) -> String {
        let coordinate = SVGWriter.number
        var svg = SVGWriter()
        svg.open("svg", [("viewBox", "0 0 \(coordinate(width)) \(coordinate(height))"), ("aria-hidden", "true"), ("focusable", "false")])
        // The outline: head, torso, limbs, so the areas read as a body.
        svg.element("circle", [("class", "body-outline"), ("cx", "60"), ("cy", "22"), ("r", "15")])
        svg.element("path", [("class", "body-outline"),
                             ("d", "M53 38 L53 47 L30 49 L20 60 L13 150 L30 151 L37 104 L38 126 L39 256 L58 256 L60 150 L62 256 L81 256 L82 126 L83 104 L90 151 L107 150 L100 60 L90 49 L67 47 L67 38 Z")])
        if let areas {
            for area in WPIArea.allCases {
                for shape in shapes(area, view: view) {
                    svg.open("rect", [("class", areas.contains(area) ? "body-area is-selected" : "body-area"), ("data-area", area.rawValue),
                                      ("x", coordinate(shape.x)), ("y", coordinate(shape.y)), ("width", coordinate(shape.width)), ("height", coordinate(shape.height)),
                                      ("rx", "3")])
                    svg.element("title", text: area.name)
                    svg.close("rect")
                }
            }
        }
        if let points {
            for site in TenderPointSite.all {
                let place = point(site)
                guard place.view == view else { continue }
                svg.open("circle", [("class", points.contains(site) ? "tender-point is-selected" : "tender-point"),
                                    ("data-point", site.id), ("cx", coordinate(place.x)), ("cy", coordinate(place.y)), ("r", "4")])
                svg.element("title", text: site.name)
                svg.close("circle")
            }
        }
        svg.close("svg")
        return svg.text
    }
}
