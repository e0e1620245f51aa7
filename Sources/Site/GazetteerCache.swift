import Content
import Foundation
import Taxonomy

/// The parsed gazetteer, slugs included, in `.policykb/gazetteer-cache`: valid for the bytes of
/// regions.csv and the program it was made with, else made again. Losing it costs time only.
enum GazetteerCache {
    static let path = ".policykb/gazetteer-cache"
    static let magic = "policykb gazetteer cache 1\n"

    static func key(csv: Data) -> UInt64 {
        var hash = StableHash()
        hash.combine(bytes: csv)
        hash.combine(BuildInputs.programDigest)
        return hash.value
    }

    static func load(root: URL, key: UInt64) -> [Region]? {
        guard let data = FileManager.default.contents(atPath: root.path + "/" + path) else { return nil }
        var reader = CacheReader([UInt8](data))
        do {
            guard try reader.string() == magic, try reader.word() == key else { return nil }
            let count = try reader.count()
            var regions: [Region] = []
            regions.reserveCapacity(count)
            for _ in 0..<count {
                let code = try reader.string()
                let name = try reader.string()
                guard let level = Region.Level(rawValue: try reader.int()) else { return nil }
                let parent = try reader.optional()
                let longitude = Double(bitPattern: try reader.word())
                let latitude = Double(bitPattern: try reader.word())
                let slug = try reader.string()
                regions.append(Region(code: code, name: name, level: level, parentCode: parent,
                                      longitude: longitude, latitude: latitude, slug: slug))
            }
            return reader.atEnd ? regions : nil
        } catch {
            return nil
        }
    }

    /// Written in one step; a failure to write is ignored (the next build parses again).
    static func write(_ regions: [Region], root: URL, key: UInt64) {
        var writer = CacheWriter()
        writer.string(magic)
        writer.word(key)
        writer.int(regions.count)
        for region in regions {
            writer.string(region.code)
            writer.string(region.name)
            writer.int(region.level.rawValue)
            writer.optional(region.parentCode)
            writer.word(region.longitude.bitPattern)
            writer.word(region.latitude.bitPattern)
            writer.string(region.slug)
        }
        try? CacheFile.write(writer.bytes, root: root, path: path)
    }
}

/// Slug's transliterations of the last build (`Slug.remember`), in `.policykb/transliterations`,
/// valid for the program that made them.
enum TransliterationCache {
    static let path = ".policykb/transliterations"
    static let magic = "policykb transliterations 1\n"

    static func load(root: URL) {
        guard let data = FileManager.default.contents(atPath: root.path + "/" + path) else { return }
        var reader = CacheReader([UInt8](data))
        var pairs: [String: String] = [:]
        do {
            guard try reader.string() == magic, try reader.word() == BuildInputs.programDigest else { return }
            for _ in 0..<(try reader.count()) {
                let text = try reader.string()
                pairs[text] = try reader.string()
            }
        } catch {
            return
        }
        Slug.remember(transliterations: pairs)
    }

    /// Written when this run made a new transliteration; only those it used are kept.
    static func write(root: URL) {
        let (pairs, new) = Slug.knownTransliterations()
        guard new else { return }
        var writer = CacheWriter()
        writer.string(magic)
        writer.word(BuildInputs.programDigest)
        writer.int(pairs.count)
        for text in pairs.keys.sorted() {
            writer.string(text)
            writer.string(pairs[text]!)
        }
        try? CacheFile.write(writer.bytes, root: root, path: path)
    }
}
