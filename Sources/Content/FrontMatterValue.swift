/// A value from front matter that policykb does not interpret itself; kept and handed to templates.
public indirect enum FrontMatterValue: Equatable, Hashable, Sendable {
    case string(String)
    case list([FrontMatterValue])
    case map([String: FrontMatterValue])
    case null

    /// The value as templates see it: strings, arrays and dictionaries.
    public var templateValue: Any {
        switch self {
        case .string(let s): return s
        case .list(let items): return items.map(\.templateValue)
        case .map(let pairs): return pairs.mapValues(\.templateValue)
        case .null: return ""
        }
    }
}
