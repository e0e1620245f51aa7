import Content

/// One report made from a raw file, with what ingest did to it.
public struct IngestedReport: Sendable {
    public var report: Report
    /// Heading texts in order, as recovered from the numbering.
    public var headings: [String]
    /// The body as plain text (no Markdown), one block a line.
    public var plainText: String
    public var droppedChromeLines: Int
    public var droppedMetadataLines: Int
    public var droppedTitleCopies: Int
    public var encoding: TextDecoder.Encoding
    /// Hash of the body with all white space removed: the same text in two files is one report.
    public var contentHash: UInt64
    /// Remarks for the summary (truncated preview, title taken from the first sentence …).
    public var notes: [String]
}

/// The reports and problems from one raw file.
public struct IngestResult: Sendable {
    public var reports: [IngestedReport]
    public var diagnostics: [Diagnostic]

    public var failed: Bool { diagnostics.contains { $0.severity == .error } }
}
