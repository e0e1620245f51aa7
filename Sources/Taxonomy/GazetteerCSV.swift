import Content
import Foundation

/// Reads `regions.csv`: `code,name,level,parent_code,longitude,latitude`, a header line, lines starting
/// with `#` are comments. Every bad row becomes a diagnostic; the file is rejected if any row is bad.
enum GazetteerCSV {
    static let header = ["code", "name", "level", "parent_code", "longitude", "latitude"]

    static func parse(_ text: String, path: String, slugs: Bool = true) throws(Diagnostics) -> [Region] {
        var diagnostics: [Diagnostic] = []
        var rows: [(line: Int, code: String, name: String, level: Region.Level, parent: String?, lon: Double?, lat: Double?)] = []
        var seenHeader = false
        var lineNumbers: [String: Int] = [:]

        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = offset + 1
            // A byte-order mark from a spreadsheet export must not spoil the header.
            let content = trimmed(rawLine, lineEnds)
            if content.isEmpty || content.hasPrefix("#") { continue }
            let fields = splitFields(content)
            if !seenHeader {
                seenHeader = true
                if fields != header {
                    diagnostics.append(.error("the first line must be the header `\(header.joined(separator: ","))`", path: path, line: line, column: 1))
                }
                continue
            }
            guard fields.count == header.count else {
                diagnostics.append(.error("expected \(header.count) fields (\(header.joined(separator: ","))), found \(fields.count)", path: path, line: line, column: 1))
                continue
            }
            let code = fields[0], name = fields[1]
            var bad = false
            func fail(_ message: String) {
                diagnostics.append(.error(message, path: path, line: line))
                bad = true
            }
            if code.count != 12 || !code.allSatisfy(\.isASCII) || !code.allSatisfy(\.isNumber) {
                fail("`\(code)` is not a 12-digit administrative code")
            } else if let first = lineNumbers[code] {
                fail("code \(code) is already used on line \(first): each region needs its own code")
            }
            if name.isEmpty { fail("the region on this line has no name") }
            let level = Int(fields[2]).flatMap(Region.Level.init(rawValue:))
            if level == nil { fail("level `\(fields[2])` must be 1 (province), 2 (prefecture) or 3 (county)") }
            let parent = fields[3].isEmpty ? nil : fields[3]
            if level == .province && parent != nil { fail("a province (level 1) has no parent_code; leave it empty") }
            if level != nil && level != .province && parent == nil { fail("a level \(fields[2]) region needs a parent_code") }
            let lon = coordinate(fields[4], range: -180...180)
            let lat = coordinate(fields[5], range: -90...90)
            if lon == .invalid { fail("longitude `\(fields[4])` is not a number between -180 and 180 (leave it empty if unknown)") }
            if lat == .invalid { fail("latitude `\(fields[5])` is not a number between -90 and 90 (leave it empty if unknown)") }
            guard !bad, let level else { continue }
            lineNumbers[code] = line
            rows.append((line, code, name, level, parent, lon.number, lat.number))
        }
        if !seenHeader {
            diagnostics.append(.error("the gazetteer is empty: regenerate it with scripts/gazetteer/regenerate.py", path: path))
        }

        // Parents are checked once every row is known, so the file need not be in any order.
        let levels = Dictionary(rows.map { ($0.code, $0.level) }, uniquingKeysWith: { first, _ in first })
        for row in rows {
            guard let parent = row.parent else { continue }
            if let parentLevel = levels[parent] {
                if parentLevel >= row.level {
                    diagnostics.append(.error("parent \(parent) is level \(parentLevel.rawValue), not above this level \(row.level.rawValue) region", path: path, line: row.line))
                }
            } else {
                diagnostics.append(.error("parent_code \(parent) is not a region in this file", path: path, line: row.line))
            }
        }
        guard diagnostics.isEmpty else { throw Diagnostics(diagnostics) }

        let sorted = rows.sorted { $0.code < $1.code }
        let regions = sorted.map {
            Region(code: $0.code, name: $0.name, level: $0.level, parentCode: $0.parent,
                   longitude: $0.lon ?? .nan, latitude: $0.lat ?? .nan, slug: "")
        }
        return slugs ? assigningSlugs(inheritingCoordinates(regions)) : inheritingCoordinates(regions)
    }

    // MARK: - Fields

    private enum Coordinate: Equatable {
        case missing, invalid, value(Double)
        var number: Double? { if case .value(let v) = self { return v } else { return nil } }
    }

    private static func coordinate(_ field: String, range: ClosedRange<Double>) -> Coordinate {
        if field.isEmpty { return .missing }
        guard let value = Double(field), range.contains(value) else { return .invalid }
        return .value(value)
    }

    private static let lineEnds = CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}"))

    /// `text.trimmingCharacters(in: set)`, without Foundation's call when neither end has a scalar
    /// of the set (every line and field of the gazetteer: its 3,400 rows took a third of the
    /// gazetteer's load trimming).
    static func trimmed<Text: StringProtocol>(_ text: Text, _ set: CharacterSet) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if set.contains(first) || set.contains(last) { return text.trimmingCharacters(in: set) }
        return String(text)
    }

    /// Splits one CSV line; handles double-quoted fields although regenerate.py never writes them.
    static func splitFields(_ line: String) -> [String] {
        // Without quotes, the fields are what lies between commas (compared as characters, as below).
        if !line.utf8.contains(UInt8(ascii: "\"")) {
            return line.split(separator: ",", omittingEmptySubsequences: false).map { trimmed($0, .whitespaces) }
        }
        return splitQuoted(line)
    }

    /// `splitFields` one character at a time, quotes understood.
    static func splitQuoted(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let character = iterator.next() {
            if quoted {
                if character == "\"" {
                    quoted = false
                } else {
                    current.append(character)
                }
            } else if character == "\"" {
                if !current.isEmpty { current.append("\"") }
                quoted = true
            } else if character == "," {
                fields.append(trimmed(current, .whitespaces))
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(trimmed(current, .whitespaces))
        return fields
    }

    // MARK: - Derived values

    /// Regions without coordinates (Taiwan, a few new cities) take their nearest ancestor's, so maps
    /// can still place them; regions sorted by code come after their parents.
    private static func inheritingCoordinates(_ regions: [Region]) -> [Region] {
        var result = regions
        var byCode: [String: Int] = [:]
        for (position, region) in result.enumerated() {
            if region.longitude.isNaN || region.latitude.isNaN,
               let parentCode = region.parentCode, let parent = byCode[parentCode] {
                result[position].longitude = result[parent].longitude
                result[position].latitude = result[parent].latitude
            }
            if result[position].longitude.isNaN || result[position].latitude.isNaN {
                result[position].longitude = 0
                result[position].latitude = 0
            }
            byCode[region.code] = position
        }
        return result
    }

    /// Pinyin of the name; names sharing a slug get their parent's slug in front, then the code.
    static func assigningSlugs(_ regions: [Region]) -> [Region] {
        var result = regions
        let base = Slug.makeAll(regions.map { RegionNames.spellingForPinyin($0.name) })
        var counts: [String: Int] = [:]
        for slug in base { counts[slug, default: 0] += 1 }
        var byCode: [String: Int] = [:]
        for (position, region) in regions.enumerated() { byCode[region.code] = position }
        var used: Set<String> = []
        // Unique base slugs first, so a prefixed slug can never steal one.
        for position in result.indices where counts[base[position]] == 1 {
            result[position].slug = base[position]
            used.insert(base[position])
        }
        for level in [Region.Level.province, .prefecture, .county] {
            for position in result.indices where counts[base[position]] != 1 && result[position].level == level {
                var slug = base[position]
                if let parentCode = result[position].parentCode, let parent = byCode[parentCode] {
                    slug = base[parent] + "-" + slug
                }
                if used.contains(slug) { slug += "-" + result[position].code }
                result[position].slug = slug
                used.insert(slug)
            }
        }
        return result
    }
}
