/// A piece of a report body: a heading or a paragraph.
public enum Block: Equatable, Sendable {
    /// `level` 2 is `##`.
    case heading(level: Int, text: String)
    /// A paragraph; `lead` is the prefix shown in bold (the lead sentence of 一是…), without its
    /// closing punctuation.
    case paragraph(text: String, lead: String?)

    public var text: String {
        switch self {
        case .heading(_, let text): return text
        case .paragraph(let text, _): return text
        }
    }
}
