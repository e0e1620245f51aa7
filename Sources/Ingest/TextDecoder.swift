import Content
import Foundation

/// Turns the bytes of a raw file into text without being told the encoding.
///
/// Order: a byte-order mark decides (UTF-8, UTF-16 LE/BE); then strict UTF-8; then GB18030
/// (a superset of GBK and GB2312, what Chinese Windows and many government sites still use).
/// Binary data and text cut off in the middle of a character are refused with a diagnostic.
public struct TextDecoder: Sendable {
    /// Which encoding a file was read as, for `--verbose` output and tests.
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8BOM = "UTF-8 (BOM)"
        case utf16LE = "UTF-16LE"
        case utf16BE = "UTF-16BE"
        case gb18030 = "GB18030"
    }

    public struct Decoded: Sendable, Equatable {
        public var text: String
        public var encoding: Encoding
    }

    /// Foundation's GB18030 encoding (kCFStringEncodingGB_18030_2000), present on Linux too.
    public static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    public init() {}

    public func decode(_ data: Data, path: String) -> Result<Decoded, Diagnostic> {
        let bytes = [UInt8](data)
        if bytes.isEmpty {
            return .failure(.error("empty file: there is no text to ingest; remove it or copy the report's text into it", path: path))
        }
        if let decoded = decodeWithBOM(bytes, path: path) { return decoded }
        if let nul = bytes.firstIndex(of: 0) {
            return .failure(binary(bytes, at: nul, path: path))
        }
        switch Self.validateUTF8(bytes) {
        case .valid:
            return finish(String(decoding: bytes, as: UTF8.self), .utf8, path: path)
        case .truncated(let offset):
            let line = Self.lineNumber(bytes, offset)
            return .failure(.error(
                "truncated UTF-8 text: the file ends in the middle of a character (byte \(offset)); copy the report again",
                path: path, line: line))
        case .invalid(let offset, let validMultibyte):
            // Many well-formed multi-byte sequences before the first bad byte: this is UTF-8 that
            // got damaged, not GBK (whose byte pairs rarely form long runs of valid UTF-8).
            if validMultibyte < 16 {
                if let text = String(data: data, encoding: Self.gb18030) {
                    return finish(text, .gb18030, path: path)
                }
                if bytes.count > 1, String(data: data.dropLast(), encoding: Self.gb18030) != nil {
                    return .failure(.error(
                        "truncated GBK/GB18030 text: the file ends in the middle of a character; copy the report again",
                        path: path, line: Self.lineNumber(bytes, bytes.count - 1)))
                }
            }
            let line = Self.lineNumber(bytes, offset)
            return .failure(.error(
                "cannot read the text: invalid UTF-8 at byte \(offset), and it is not GBK/GB18030 either; save the file as UTF-8",
                path: path, line: line))
        }
    }

    // MARK: - Byte-order marks

    private func decodeWithBOM(_ bytes: [UInt8], path: String) -> Result<Decoded, Diagnostic>? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = Array(bytes.dropFirst(3))
            switch Self.validateUTF8(rest) {
            case .valid: return finish(String(decoding: rest, as: UTF8.self), .utf8BOM, path: path)
            case .truncated(let offset):
                return .failure(.error("truncated UTF-8 text: the file ends in the middle of a character (byte \(offset + 3)); copy the report again",
                                       path: path, line: Self.lineNumber(rest, offset)))
            case .invalid(let offset, _):
                return .failure(.error("invalid UTF-8 at byte \(offset + 3) although the file starts with a UTF-8 byte-order mark; save the file as UTF-8 again",
                                       path: path, line: Self.lineNumber(rest, offset)))
            }
        }
        let littleEndian = bytes.starts(with: [0xFF, 0xFE])
        if littleEndian || bytes.starts(with: [0xFE, 0xFF]) {
            let rest = Array(bytes.dropFirst(2))
            guard rest.count % 2 == 0 else {
                return .failure(.error("truncated UTF-16 text: odd number of bytes after the byte-order mark; copy the report again", path: path))
            }
            var units: [UInt16] = []
            units.reserveCapacity(rest.count / 2)
            var i = 0
            while i < rest.count {
                let unit = littleEndian
                    ? UInt16(rest[i]) | UInt16(rest[i + 1]) << 8
                    : UInt16(rest[i]) << 8 | UInt16(rest[i + 1])
                units.append(unit)
                i += 2
            }
            var text = ""
            var iterator = units.makeIterator()
            var decoder = UTF16()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): text.unicodeScalars.append(scalar)
                case .emptyInput: break loop
                case .error:
                    return .failure(.error("invalid UTF-16 text (an unpaired surrogate); save the file as UTF-8", path: path))
                }
            }
            return finish(text, littleEndian ? .utf16LE : .utf16BE, path: path)
        }
        return nil
    }

    // MARK: - Checks on the decoded text

    private func finish(_ text: String, _ encoding: Encoding, path: String) -> Result<Decoded, Diagnostic> {
        var controls = 0
        var firstControlLine: Int?
        var line = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1; continue }
            let v = scalar.value
            let isControl = (v < 0x20 && v != 0x09 && v != 0x0D && v != 0x0C) || v == 0x7F || v == 0xFFFD
            if isControl {
                controls += 1
                if firstControlLine == nil { firstControlLine = line }
            }
        }
        // Copied web text may hold a stray control character or two; many of them mean binary data.
        // (Without control characters there is no need to count the scalars.)
        if controls > 8 || (controls > 0 && controls * 50 > text.unicodeScalars.count) {
            return .failure(.error(
                "not a text file: it holds \(controls) control characters (binary data?); ingest reads plain text only",
                path: path, line: firstControlLine))
        }
        return .success(Decoded(text: text, encoding: encoding))
    }

    private func binary(_ bytes: [UInt8], at offset: Int, path: String) -> Diagnostic {
        .error("not a text file: NUL byte at offset \(offset) (binary data, or UTF-16 without a byte-order mark); save the report as UTF-8 text",
               path: path, line: Self.lineNumber(bytes, offset))
    }

    // MARK: - UTF-8 validation

    enum UTF8Check: Equatable {
        case valid
        /// Valid up to a multi-byte sequence that the end of the file cuts off.
        case truncated(offset: Int)
        /// An invalid byte at `offset`, after `validMultibyte` well-formed multi-byte sequences.
        case invalid(offset: Int, validMultibyte: Int)
    }

    /// One pass over the bytes (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF).
    static func validateUTF8(_ bytes: [UInt8]) -> UTF8Check {
        var i = 0
        var multibyte = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return .invalid(offset: i, validMultibyte: multibyte)
            }
            for k in 1..<length {
                guard i + k < n else { return .truncated(offset: i) }
                let c = bytes[i + k]
                let (lo, hi) = k == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
                guard c >= lo && c <= hi else { return .invalid(offset: i, validMultibyte: multibyte) }
            }
            multibyte += 1
            i += length
        }
        return .valid
    }

    static func lineNumber(_ bytes: [UInt8], _ offset: Int) -> Int {
        var line = 1
        for b in bytes[..<min(offset, bytes.count)] where b == 0x0A { line += 1 }
        return line
    }
}
