import Foundation
@testable import Site
import Testing

/// The map's coordinates are written with integers; they must read as `String(format:)` wrote them.
struct RegionMapNumberTests {
    static func byFormat(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(format: "%.1f", tenths / 10)
    }

    @Test func numbersAreThoseFormatWrites() {
        var values: [Double] = [0, -0.0, 0.04, 0.05, -0.04, -0.05, -0.06, 0.95, 1.05, -1.05, 619.95, 359.99, -12.34, 1e6 + 0.25]
        for step in stride(from: -1_000.0, through: 1_000.0, by: 0.037) { values.append(step) }
        for (longitude, latitude) in [(121.473, 31.23), (87.6168, 43.8256), (126.5349, 45.8038), (110.3312, 20.0311)] {
            let (x, y) = RegionMap.project(longitude: longitude, latitude: latitude)
            values += [x, y, x + 3.5, y + 4]
        }
        for value in values {
            #expect(RegionMap.number(value) == Self.byFormat(value), "\(value)")
        }
        #expect(RegionMap.number(-0.5) == "-0.5")
    }
}
