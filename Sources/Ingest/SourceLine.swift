/// One line of a raw file after normalisation, with its line number in the file for diagnostics.
public struct SourceLine: Equatable, Sendable {
    /// 1-based line number in the raw file.
    public var number: Int
    /// The line's text without indentation or trailing space. Never contains a newline.
    public var text: String
    /// Whether the line was indented (spaces or U+3000 full-width spaces): in copied Chinese
    /// text an indented line starts a paragraph.
    public var indented: Bool

    public init(number: Int, text: String, indented: Bool = false) {
        self.number = number
        self.text = text
        self.indented = indented
    }

    public var isBlank: Bool { text.isEmpty }
}
