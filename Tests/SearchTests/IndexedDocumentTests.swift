import Testing
@testable import Search

/// A report's analysis must count each term of its text, and say where it is in the title and how
/// often it is in the tags, regions and headings, as plain scanning of each field says.
@Suite struct IndexedDocumentTests {
    static let document = SearchDocument(
        url: "reports/a/index.html", title: "GDP增长与营商环境：5G园区 营商",
        tags: ["营商环境", "5G", "招商引资"], regions: ["昆山市", "江苏省", "昆山市"],
        headings: ["一、营商环境优化", "二、5G与GDP", "三、其他"],
        body: "营商环境是生产力。GDP增长8%，5G基站建成1200个；招商引资和营商环境相互促进。昆山市营商环境好，gdp高。")

    /// Each term's name (one or two characters, or `SearchToken.wordPrefix` and the word).
    static func names(of indexed: IndexedDocument) -> [String] {
        indexed.keys.map { TermScanner.name(of: $0) } + indexed.words.map { SearchToken.wordPrefix + $0 }
    }

    /// Term name → (positions, count) in one text, by the scanner's closures.
    static func scan(_ text: String) -> [String: [Int32]] {
        var found: [String: [Int32]] = [:]
        TermScanner.scan(NormalizedValues.values(of: text)) { key, position in
            found[TermScanner.name(of: key), default: []].append(Int32(position))
        } word: { word, position in
            found[SearchToken.wordPrefix + word, default: []].append(Int32(position))
        }
        return found
    }

    @Test func termsAreCountedInTheText() {
        let indexed = IndexedDocument(Self.document, id: 0, withFiles: false)
        let expected = Self.scan(Self.document.title + "\n" + Self.document.body).mapValues { UInt32($0.count) }
        let names = Self.names(of: indexed)
        let counted = Dictionary(uniqueKeysWithValues: zip(names, indexed.keyFrequencies + indexed.wordFrequencies))
        #expect(counted == expected)
        #expect(Set(names).count == names.count)
    }

    @Test func fieldsSayWhereEachTermOfTheTextAlsoIs() {
        let document = Self.document
        let indexed = IndexedDocument(document, id: 0, withFiles: false)
        let names = Self.names(of: indexed)
        let inText = Set(names)
        let title = Self.scan(document.title)
        func counts(_ values: [String]) -> [String: Int] {
            values.reduce(into: [:]) { counts, value in
                for (name, positions) in Self.scan(value) { counts[name, default: 0] += positions.count }
            }
        }
        let tags = counts(document.tags), regions = counts(document.regions), headings = counts(document.headings)
        let titleLength = UInt16(NormalizedValues.values(of: document.title).count)

        var expected: [String: FieldOccurrence] = [:]
        for name in inText {
            let positions = title[name] ?? []
            let occurrence = FieldOccurrence(
                term: Int32(names.firstIndex(of: name)!), titleLength: positions.isEmpty ? 0 : titleLength,
                titlePositions: positions, tags: UInt16(tags[name] ?? 0), regions: UInt16(regions[name] ?? 0),
                headings: UInt16(headings[name] ?? 0))
            if occurrence.flags != 0 { expected[name] = occurrence }
        }
        #expect(indexed.fields.map(\.term) == indexed.fields.map(\.term).sorted())
        #expect(indexed.fields.count == expected.count)
        for field in indexed.fields {
            let name = names[Int(field.term)]
            let want = expected[name]
            #expect(want != nil, "\(name) is in no field")
            guard let want else { continue }
            #expect(field.term == want.term, "\(name)")
            #expect(field.titlePositions == want.titlePositions, "\(name)")
            #expect(field.titleLength == want.titleLength, "\(name)")
            #expect([field.tags, field.regions, field.headings] == [want.tags, want.regions, want.headings], "\(name)")
        }
        // The document has each kind: a word and a bigram of the title more than once, a tag's
        // bigram, a region counted twice, a heading's word.
        #expect(expected["营商"]?.titlePositions.count == 2)
        #expect(expected[SearchToken.wordPrefix + "gdp"]?.titlePositions == [0])
        #expect(expected["营商"]?.tags == 1)
        #expect(expected["昆山"]?.regions == 2)
        #expect(expected[SearchToken.wordPrefix + "5g"]?.headings == 1)
    }
}
