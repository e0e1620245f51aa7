#if canImport(Glibc)
import Glibc
#endif
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
        let full = root.path + "/" + path
        let temporary = full + ".tmp-\(getpid())"
        try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        guard (try? OutputFile.write(writer.bytes, to: temporary)) != nil, rename(temporary, full) == 0 else {
            unlink(temporary)
            return
        }
    }
}
