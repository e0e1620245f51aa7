/// Scores how much a report is about each topic, in one automaton pass per text zone.
///
/// A hit on a topic's name or alias weighs `nameWeight`, a keyword 1; hits in the title count
/// `titleWeight` times, in headings `headingWeight` times (headings are inferred from numbered
/// sentences in the body when the caller passes none). Body hits are divided by the body length (per
/// 1,000 characters, with a floor so short texts are not inflated), so a long report that names a topic
/// once in passing stays below the threshold.
struct TopicTagger: Sendable {
    static let nameWeight = 3.0
    static let titleWeight = 6.0
    static let headingWeight = 3.0
    /// Body length (in characters) below which density is computed as if the body were this long.
    static let minimumBodyLength = 1_500.0
    /// Score a topic needs to become a tag; see `TopicVocabularyTaggingTests` for the calibration.
    static let threshold = 3.0
    /// Hits a topic needs in all; one occurrence anywhere is never enough except in the title.
    static let minimumHits = 3
    static let maximumTags = 8

    /// For each pattern: the topics it counts towards and with what weight.
    private let terms: [[(topic: Int, weight: Double)]]
    private let matcher: PatternMatcher
    private let names: [String]

    init(topics: [Topic]) {
        var byTerm: [String: [(topic: Int, weight: Double)]] = [:]
        for (position, topic) in topics.enumerated() {
            var seen: Set<String> = []
            for term in [topic.name] + topic.aliases where !term.isEmpty && seen.insert(term).inserted {
                byTerm[term, default: []].append((position, TopicTagger.nameWeight))
            }
            for term in topic.keywords where !term.isEmpty && seen.insert(term).inserted {
                byTerm[term, default: []].append((position, 1))
            }
        }
        let sortedTerms = byTerm.keys.sorted()
        self.terms = sortedTerms.map { byTerm[$0] ?? [] }
        self.matcher = PatternMatcher(patterns: sortedTerms)
        self.names = topics.map(\.name)
    }

    // MARK: - Scoring

    func scores(title: String, headings: [String], body: String) -> [TopicScore] {
        var score = [Double](repeating: 0, count: names.count)
        var hits = [Int](repeating: 0, count: names.count)
        var titled = [Bool](repeating: false, count: names.count)

        let bodyScalars = body.scalarArray
        let bodyLength = max(Double(bodyScalars.count), TopicTagger.minimumBodyLength)
        count(title.scalarArray) { topic, weight in
            score[topic] += weight * TopicTagger.titleWeight
            hits[topic] += 1
            titled[topic] = true
        }
        let headingTexts = headings.isEmpty ? TopicTagger.inferredHeadings(in: bodyScalars) : headings.map(\.scalarArray)
        for heading in headingTexts {
            count(heading) { topic, weight in
                score[topic] += weight * TopicTagger.headingWeight
                hits[topic] += 1
            }
        }
        count(bodyScalars) { topic, weight in
            score[topic] += weight * 1_000 / bodyLength
            hits[topic] += 1
        }

        return names.indices
            .filter { score[$0] > 0 }
            .sorted { score[$0] != score[$1] ? score[$0] > score[$1] : $0 < $1 }
            .map { TopicScore(name: names[$0], score: score[$0], hits: hits[$0], inTitle: titled[$0]) }
    }

    func tags(title: String, headings: [String], body: String) -> [String] {
        scores(title: title, headings: headings, body: body)
            .filter { $0.score >= TopicTagger.threshold && ($0.hits >= TopicTagger.minimumHits || $0.inTitle) }
            .prefix(TopicTagger.maximumTags)
            .map(\.name)
    }

    /// Numbered headings in a body whose caller knows none: sentences starting 一、 二、 … at a line start
    /// or after 。, as in reports whose paragraphs were run together. At most 40 characters each.
    static func inferredHeadings(in scalars: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        let numerals = "一二三四五六七八九十".unicodeScalars
        var headings: [[Unicode.Scalar]] = []
        var atStart = true
        var offset = 0
        while offset < scalars.count {
            let scalar = scalars[offset]
            if atStart, numerals.contains(scalar) {
                var end = offset
                while end < scalars.count, numerals.contains(scalars[end]), end - offset < 3 { end += 1 }
                if end < scalars.count, scalars[end] == "、" {
                    var stop = end + 1
                    while stop < scalars.count, stop - offset < 40, scalars[stop] != "。", scalars[stop] != "\n" { stop += 1 }
                    headings.append(Array(scalars[offset..<stop]))
                    offset = stop
                    atStart = false
                    continue
                }
            }
            atStart = scalar == "\n" || scalar == "。" || (atStart && (scalar == " " || scalar == "\u{3000}" || scalar == "#"))
            offset += 1
        }
        return headings
    }

    /// Counts leftmost-longest, non-overlapping term hits, so 招商引资 does not also count as 招商.
    private func count(_ scalars: [Unicode.Scalar], _ add: (Int, Double) -> Void) {
        var longest = [Int32](repeating: -1, count: scalars.count)
        matcher.forEachMatch(in: scalars) { match in
            let current = longest[match.start]
            if current < 0 || matcher.patternLengths[Int(current)] < match.length {
                longest[match.start] = Int32(match.pattern)
            }
        }
        var offset = 0
        while offset < scalars.count {
            let pattern = Int(longest[offset])
            guard pattern >= 0 else {
                offset += 1
                continue
            }
            for term in terms[pattern] { add(term.topic, term.weight) }
            offset += matcher.patternLengths[pattern]
        }
    }
}

/// How much a report is about one topic, as computed by `TopicVocabulary.scores(title:headings:body:)`.
public struct TopicScore: Equatable, Sendable {
    public var name: String
    public var score: Double
    /// Occurrences of the topic's name, aliases and keywords in title, headings and body.
    public var hits: Int
    public var inTitle: Bool

    public init(name: String, score: Double, hits: Int, inTitle: Bool) {
        self.name = name
        self.score = score
        self.hits = hits
        self.inTitle = inTitle
    }
}
