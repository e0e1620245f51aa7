/// Finds the regions and towns a text names, in one pass of an automaton over every official name,
/// short form and blocking word of the gazetteer.
///
/// Overlapping matches are settled greedily: longer first, then by kind (full name, blocking word, short
/// form, weak short form), then leftmost. So 浙江西部 reads 浙江|西部 and never 江西, 美丽江西 reads
/// 美丽|江西, and 中江苏 reads 中|江苏.
struct RegionDetector: Sendable {
    /// What a pattern is, in the order overlapping matches of equal length win.
    enum Kind: Int, Comparable, Sendable {
        /// The short form of a county or district (兴和 for 兴和县): too often an ordinary word, so it
        /// counts only when the text also names the region's parent.
        case weakShortForm = 0
        /// The short form of a province, prefecture or county-level city (江苏, 杭州, 昆山).
        case shortForm = 1
        /// A word that hides the names overlapping it (美丽 in 美丽江西).
        case blocker = 2
        case fullName = 3
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }

    struct Entry: Sendable {
        var text: String
        var kind: Kind
        /// Regions the pattern may name; several when it is ambiguous.
        var candidates: [Int]
    }

    let entries: [Entry]
    /// Short form → the regions it may name (江苏 → 江苏省), strong and weak alike.
    let shortForms: [String: [Int]]
    let matcher: PatternMatcher
    let levels: [Region.Level]
    /// Whether a region's short form is weak (a county or district, not a county-level city).
    let weakLevels: [Bool]

    // MARK: - Building

    init(regions: [Region], byName: [String: [Int]], parent: [Int?]) {
        var table: [String: Entry] = [:]
        for (name, positions) in byName where !RegionNames.commonWords.contains(name) && name.count >= 2 {
            table[name] = Entry(text: name, kind: .fullName, candidates: positions)
        }
        var weak: [String: Entry] = [:]
        for (position, region) in regions.enumerated() {
            let forms = [RegionNames.shortForm(of: region.name)].compactMap { $0 } + RegionNames.extraForms(of: region.name)
            let isWeak = region.level == .county && !region.name.hasSuffix("市")
            for form in forms where !RegionNames.commonWords.contains(form) && byName[form] == nil {
                if isWeak {
                    weak[form, default: Entry(text: form, kind: .weakShortForm, candidates: [])].candidates.append(position)
                } else {
                    table[form, default: Entry(text: form, kind: .shortForm, candidates: [])].candidates.append(position)
                }
            }
        }
        for (form, entry) in weak where table[form] == nil {
            table[form] = entry
        }
        let levels = regions.map(\.level)
        for (form, entry) in table where entry.kind < .blocker && entry.candidates.count > 1 {
            table[form]?.candidates = RegionDetector.preferringHighest(entry.candidates, levels: levels)
        }
        for word in RegionNames.blockers where table[word] == nil {
            table[word] = Entry(text: word, kind: .blocker, candidates: [])
        }
        // Sorted so that pattern numbers, and with them every result, are the same on every run.
        let entries = table.values.sorted { $0.text < $1.text }
        self.entries = entries
        var shortForms: [String: [Int]] = [:]
        for entry in entries where entry.kind == .shortForm || entry.kind == .weakShortForm {
            shortForms[entry.text] = entry.candidates
        }
        self.shortForms = shortForms
        self.matcher = PatternMatcher(patterns: entries.map(\.text))
        self.levels = levels
        self.weakLevels = regions.map { $0.level == .county && !$0.name.hasSuffix("市") }
    }

    /// 通化 is both 通化市 and 通化县, 海南 both 海南省 and 海南藏族自治州: a short form shared by regions
    /// of different levels means the highest one, the way people write it.
    private static func preferringHighest(_ candidates: [Int], levels: [Region.Level]) -> [Int] {
        guard candidates.count > 1, let top = candidates.map({ levels[$0] }).min() else { return candidates }
        let highest = candidates.filter { levels[$0] == top }
        return highest.count == 1 ? highest : candidates
    }

    // MARK: - Scanning

    /// One accepted occurrence of a region name.
    struct Mention {
        var start: Int
        var end: Int
        var candidates: [Int]
        /// A weak short form: kept only when the text names the region's parent too.
        var isWeak: Bool
    }

    /// A town or township written in the text, with the county written right before it, if any.
    struct Town {
        var name: String
        var county: Int?
    }

    func scan(_ scalars: [Unicode.Scalar]) -> (mentions: [Mention], towns: [Town]) {
        var found = matcher.matches(in: scalars)
        found.sort { a, b in
            if a.length != b.length { return a.length > b.length }
            let kindA = entries[a.pattern].kind, kindB = entries[b.pattern].kind
            if kindA != kindB { return kindA > kindB }
            return a.start != b.start ? a.start < b.start : a.pattern < b.pattern
        }
        var taken = [Bool](repeating: false, count: scalars.count)
        var mentions: [Mention] = []
        for match in found where !taken[match.start..<match.end].contains(true) {
            for offset in match.start..<match.end { taken[offset] = true }
            let entry = entries[match.pattern]
            switch entry.kind {
            case .blocker:
                continue
            case .fullName:
                // 乡村振兴和县域经济: 兴和县 run into 县域 is more likely the word 县域, so the name only
                // counts the way its short form would.
                let runsIntoWord = RegionNames.suffixWords.contains { word in
                    word.unicodeScalars.first == scalars[match.end - 1]
                        && RegionDetector.startsWithAny([String(word.dropFirst())], in: scalars, at: match.end)
                }
                // Two-character names (和县, 兴县, 高县) arise at word junctions (提高县乡): weak as well.
                let isWeak = match.length <= 2 || (runsIntoWord && entry.candidates.contains { weakLevels[$0] })
                mentions.append(Mention(start: match.start, end: match.end, candidates: entry.candidates, isWeak: isWeak))
            case .shortForm, .weakShortForm:
                // 芦溪镇 is a town (found by TownFinder); 永兴锅炉 and 光明南路 are not places at all.
                if RegionDetector.startsWithAny(RegionNames.townSuffixes, in: scalars, at: match.end)
                    || RegionDetector.startsWithAny(RegionNames.nonPlaceFollowers, in: scalars, at: match.end) {
                    continue
                }
                mentions.append(Mention(start: match.start, end: match.end, candidates: entry.candidates, isWeak: entry.kind == .weakShortForm))
            }
        }
        mentions.sort { $0.start < $1.start }
        let towns = TownFinder.towns(in: scalars, taken: taken, mentions: mentions, levels: levels)
        return (mentions, towns)
    }

    static func startsWithAny(_ words: [String], in scalars: [Unicode.Scalar], at offset: Int) -> Bool {
        words.contains { word in
            var position = offset
            for scalar in word.unicodeScalars {
                guard position < scalars.count, scalars[position] == scalar else { return false }
                position += 1
            }
            return true
        }
    }
}
