import CCMark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Edits and reads a cmark document tree. The caller owns the root (and frees it); every node
/// these functions create is either linked into that tree or freed here.
enum CMarkTree {
    // MARK: - Raw HTML

    /// Removes raw HTML blocks and inlines, so safe mode leaves no `<!-- raw HTML omitted -->` behind.
    static func removeRawHTML(_ root: OpaquePointer) {
        var doomed: [OpaquePointer] = []
        walk(root) { node, entering in
            let type = cmark_node_get_type(node)
            if entering && (type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE) {
                doomed.append(node)
            }
        }
        // Freeing unlinks the node too; done after the walk so the iterator never sees a freed node.
        for node in doomed { cmark_node_free(node) }
    }

    // MARK: - Link targets

    /// Blanks `javascript:`, `vbscript:`, `file:` and non-image `data:` targets of Markdown links and
    /// images. cmark's safe mode does the same, but not when raw HTML is opted in; this runs always.
    static func blankDangerousURLs(_ root: OpaquePointer) {
        var nodes: [OpaquePointer] = []
        walk(root) { node, entering in
            let type = cmark_node_get_type(node)
            if entering && (type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE) { nodes.append(node) }
        }
        for node in nodes {
            guard let url = cmark_node_get_url(node), isDangerous(String(cString: url)) else { continue }
            cmark_node_set_url(node, "")
        }
    }

    static func isDangerous(_ url: String) -> Bool {
        // Browsers ignore leading spaces and control characters and any case in the scheme.
        let scheme = url.drop { $0.unicodeScalars.allSatisfy { $0.value <= 0x20 } }.lowercased()
            .filter { !$0.isWhitespace && $0 != "\u{0}" }
        if scheme.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { scheme.hasPrefix($0) }
        }
        return ["javascript:", "vbscript:", "file:"].contains { scheme.hasPrefix($0) }
    }

    // MARK: - Headings

    /// Gives every heading a unique anchor. cmark's HTML writer prints no ids, so each heading is
    /// replaced by a custom block holding a custom inline whose opening tag carries the id.
    static func anchorHeadings(_ root: OpaquePointer, reserved: Set<String>, topLevel: Int) -> [Heading] {
        var nodes: [OpaquePointer] = []
        walk(root) { node, entering in
            if entering && cmark_node_get_type(node) == CMARK_NODE_HEADING { nodes.append(node) }
        }
        let highest = nodes.map { Int(cmark_node_get_heading_level($0)) }.min() ?? 1
        let offset = max(0, topLevel - highest)
        var anchors = AnchorSet(reserved: reserved)
        var headings: [Heading] = []
        for node in nodes {
            let level = min(6, max(1, Int(cmark_node_get_heading_level(node)) + offset))
            let text = inlineText(node)
            let anchor = anchors.anchor(for: text)
            headings.append(Heading(level: level, text: text, anchor: anchor))
            replace(heading: node, level: level, anchor: anchor)
        }
        return headings
    }

    private static func replace(heading: OpaquePointer, level: Int, anchor: String) {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        guard let inline = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else {
            cmark_node_free(block)
            return
        }
        // Anchors hold only letters, digits, `-` and `_` (AnchorSet): nothing to escape.
        cmark_node_set_on_enter(inline, "<h\(level) id=\"\(anchor)\">")
        cmark_node_set_on_exit(inline, "</h\(level)>")
        cmark_node_set_on_enter(block, "")
        cmark_node_set_on_exit(block, "")
        while let child = cmark_node_first_child(heading) {
            cmark_node_append_child(inline, child)
        }
        cmark_node_append_child(block, inline)
        cmark_node_insert_before(heading, block)
        cmark_node_free(heading)
    }

    /// The text of a node's inline content: literals joined, line breaks as spaces.
    private static func inlineText(_ node: OpaquePointer) -> String {
        var text = ""
        walk(node) { child, entering in
            guard entering else { return }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                text += literal(child)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text.trimmingSpaces()
    }

    // MARK: - Auto-links

    /// Links the first mention of each auto-link's terms in body text: never inside headings,
    /// links, images or code (code is never a text node), and never twice.
    ///
    /// Matching is on UTF-8 bytes: UTF-8 is self-synchronising, so a term's bytes only match at
    /// character boundaries, and this is far quicker than searching by grapheme.
    static func insertAutoLinks(_ links: [AutoLink], in root: OpaquePointer) {
        guard !links.isEmpty else { return }
        var candidates = linkableTextNodes(root).map { (node: $0, bytes: literalBytes($0)) }
        for link in links where !link.href.isEmpty {
            let terms = link.terms.filter { !$0.isEmpty }.map { Array($0.utf8) }
            guard !terms.isEmpty else { continue }
            for index in candidates.indices {
                let (node, bytes) = candidates[index]
                guard let range = firstMention(of: terms, in: bytes) else { continue }
                let rest = split(node, bytes: bytes, at: range, href: link.href)
                var replacement = [(node: node, bytes: Array(bytes[..<range.lowerBound]))]
                if let rest { replacement.append((rest, Array(bytes[range.upperBound...]))) }
                candidates.replaceSubrange(index...index, with: replacement)
                break
            }
        }
    }

    private static func linkableTextNodes(_ root: OpaquePointer) -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        var blocked = 0
        walk(root) { node, entering in
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_HEADING, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_CUSTOM_INLINE:
                blocked += entering ? 1 : -1
            case CMARK_NODE_TEXT:
                if blocked == 0 { nodes.append(node) }
            default:
                break
            }
        }
        return nodes
    }

    /// The earliest mention of any term; at the same position the longest term wins.
    static func firstMention(of terms: [[UInt8]], in bytes: [UInt8]) -> Range<Int>? {
        var best: Range<Int>?
        bytes.withUnsafeBufferPointer { text in
            guard let base = text.baseAddress else { return }
            for term in terms where !term.isEmpty && term.count <= text.count {
                let last = best.map { min($0.lowerBound, text.count - term.count) } ?? text.count - term.count
                term.withUnsafeBufferPointer { pattern in
                    guard let needle = pattern.baseAddress else { return }
                    // memchr finds the term's last byte, memcmp checks the rest. The last byte,
                    // not the first: in Chinese UTF-8 a first byte like 0xE5 begins every few
                    // characters, a last byte matches about one byte in a hundred.
                    let tail = pattern.count - 1
                    var end = tail
                    while end <= last + tail {
                        guard let hit = memchr(base + end, Int32(needle[tail]), last + tail - end + 1) else { return }
                        end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                        let start = end - tail
                        if memcmp(base + start, needle, tail) == 0 {
                            if let current = best, start == current.lowerBound, pattern.count <= current.count { return }
                            best = start..<(start + pattern.count)
                            return
                        }
                        end += 1
                    }
                }
            }
        }
        return best
    }

    /// Turns `before mention after` into `before`, a link around `mention`, and `after`.
    /// Returns the new text node holding `after` (still linkable), or nil when nothing follows.
    private static func split(_ node: OpaquePointer, bytes: [UInt8], at range: Range<Int>, href: String) -> OpaquePointer? {
        guard let link = cmark_node_new(CMARK_NODE_LINK) else { return nil }
        guard let label = cmark_node_new(CMARK_NODE_TEXT) else {
            cmark_node_free(link)
            return nil
        }
        cmark_node_set_url(link, href)
        setLiteral(label, bytes[range])
        cmark_node_append_child(link, label)
        setLiteral(node, bytes[..<range.lowerBound])
        cmark_node_insert_after(node, link)
        guard range.upperBound < bytes.count, let rest = cmark_node_new(CMARK_NODE_TEXT) else { return nil }
        setLiteral(rest, bytes[range.upperBound...])
        cmark_node_insert_after(link, rest)
        return rest
    }

    // MARK: - Output

    /// The HTML's UTF-8 (valid: cmark parses with `CMARK_OPT_VALIDATE_UTF8`).
    static func html(_ root: OpaquePointer, options: Int32) -> [UInt8] {
        guard let rendered = cmark_render_html(root, options) else { return [] }
        defer { free(rendered) }
        return rendered.withMemoryRebound(to: UInt8.self, capacity: 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(rendered))) }
    }

    /// The document's text, one block per line. A line break between two Chinese characters
    /// joins them without a space, as the reader would.
    static func plainText(_ root: OpaquePointer) -> String {
        var text = PlainTextBuilder()
        walk(root) { node, entering in
            let type = cmark_node_get_type(node)
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                withLiteral(node) { text.append($0) }
            case CMARK_NODE_SOFTBREAK:
                text.softBreak()
            case CMARK_NODE_LINEBREAK:
                text.endLine()
            case CMARK_NODE_CODE_BLOCK:
                withLiteral(node) { text.appendCode($0) }
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_CUSTOM_BLOCK, CMARK_NODE_ITEM, CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_HEADING:
                text.endLine()
            default:
                break
            }
        }
        return text.finish()
    }

    // MARK: - Walking

    private static func walk(_ root: OpaquePointer, _ visit: (OpaquePointer, _ entering: Bool) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(node, event == CMARK_EVENT_ENTER)
        }
    }

    /// A node's literal as cmark holds it (UTF-8), without making a `String` of it first.
    private static func literalBytes(_ node: OpaquePointer) -> [UInt8] {
        guard let text = cmark_node_get_literal(node) else { return [] }
        return text.withMemoryRebound(to: UInt8.self, capacity: 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(text))) }
    }

    /// Sets a node's literal from UTF-8 that came from cmark (valid, split at character
    /// boundaries), without making a `String` of it on the way: cmark copies the bytes up to the
    /// terminating zero.
    private static func setLiteral(_ node: OpaquePointer, _ bytes: ArraySlice<UInt8>) {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { buffer in
            for (offset, byte) in bytes.enumerated() { buffer[offset] = CChar(bitPattern: byte) }
            buffer[bytes.count] = 0
            cmark_node_set_literal(node, buffer.baseAddress)
        }
    }

    /// A node's literal as cmark holds it (UTF-8, valid: parsed with `CMARK_OPT_VALIDATE_UTF8`).
    private static func withLiteral(_ node: OpaquePointer, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let text = cmark_node_get_literal(node) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        text.withMemoryRebound(to: UInt8.self, capacity: 1) { body(UnsafeBufferPointer(start: $0, count: strlen(text))) }
    }

    private static func literal(_ node: OpaquePointer) -> String {
        guard let text = cmark_node_get_literal(node) else { return "" }
        return String(cString: text)
    }
}

extension String {
    /// Trims spaces, tabs and newlines (ASCII and the ideographic space) without Foundation.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{3000}" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
