/// An administrative division of China down to county level, from the gazetteer.
public struct Region: Equatable, Hashable, Sendable {
    public enum Level: Int, Comparable, Sendable {
        case province = 1
        case prefecture = 2
        case county = 3

        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    /// 12-digit administrative code, e.g. 320583000000 for 昆山市.
    public var code: String
    /// Official name, e.g. 昆山市.
    public var name: String
    public var level: Level
    public var parentCode: String?
    public var longitude: Double
    public var latitude: Double
    /// ASCII slug for URLs, unique in the gazetteer.
    public var slug: String

    public init(code: String, name: String, level: Level, parentCode: String?, longitude: Double, latitude: Double, slug: String) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.longitude = longitude
        self.latitude = latitude
        self.slug = slug
    }
}
