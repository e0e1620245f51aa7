/// Finds towns and townships (东屯乡, 芦溪镇, …街道) in text. Chinese has no spaces, so the start of a town
/// name is only trusted when it is clear: right after a county name (长顺县广顺镇) or after a boundary
/// (punctuation, line start, or a function word such as 于/在/如). Everything else is left out.
enum TownFinder {
    static func towns(in scalars: [Unicode.Scalar], taken: [Bool], mentions: [RegionDetector.Mention], levels: [Region.Level]) -> [RegionDetector.Town] {
        var mentionEnds: [Int: RegionDetector.Mention] = [:]
        for mention in mentions where !mention.isWeak { mentionEnds[mention.end] = mention }
        var towns: [RegionDetector.Town] = []
        var offset = 0
        while offset < scalars.count {
            // The 镇 of 景德镇 and 镇江, the 乡 of 萍乡, belong to a region's name.
            guard !taken[offset], let suffix = suffixLength(scalars, at: offset) else {
                offset += 1
                continue
            }
            defer { offset += suffix }
            guard acceptsFollower(scalars, suffixStart: offset, suffixLength: suffix) else { continue }
            if let town = town(endingAt: offset, in: scalars, mentionEnds: mentionEnds, levels: levels) {
                let suffixText = String(String.UnicodeScalarView(scalars[offset..<offset + suffix]))
                towns.append(RegionDetector.Town(name: town.name + suffixText, county: town.county))
            }
        }
        return towns
    }

    // MARK: - Pieces

    private static let town: Unicode.Scalar = "镇", township: Unicode.Scalar = "乡", street: Unicode.Scalar = "街", road: Unicode.Scalar = "道"

    private static func suffixLength(_ scalars: [Unicode.Scalar], at offset: Int) -> Int? {
        let scalar = scalars[offset]
        if scalar == town || scalar == township { return 1 }
        if scalar == street, offset + 1 < scalars.count, scalars[offset + 1] == road { return 2 }
        return nil
    }

    /// 乡村, 乡镇, 镇域, 乡贤 are words, not a town's suffix.
    private static func acceptsFollower(_ scalars: [Unicode.Scalar], suffixStart: Int, suffixLength: Int) -> Bool {
        let next = suffixStart + suffixLength
        guard next < scalars.count else { return true }
        let follower = scalars[next]
        if scalars[suffixStart] == township { return !"村镇贤愁土亲情里间下音级".unicodeScalars.contains(follower) }
        if scalars[suffixStart] == town { return !"域村乡级".unicodeScalars.contains(follower) }
        return true
    }

    /// Characters before 乡/镇/街道 that make a word, not a name: 家乡, 城镇, 特色小镇, 人才兴镇.
    private static let wordEndings: [Unicode.Scalar: String] = [
        "乡": "老故家返回下城本全我该同异他思爱水梦还离望入进到各每乡之",
        "镇": "城乡村集小强兴名古重大全该本我各每建富美进到坐市心色点范治之",
        "街": "城老背小大主新市该各全本我个镇乡村区",
    ]

    /// Function words and measure words that can stand right before a name: 于东屯乡, 如芦溪镇, 2个中心镇.
    private static let boundaryWords = "在于如对是与和及的到从把将由向为据至经了等所个家处座名其及或、"

    private static let stopNames: Set<String> = [
        "中心", "特色", "重点", "百强", "千强", "建制", "示范", "旅游", "工业", "农业", "生态", "美丽", "文明",
        "卫生", "森林", "历史", "文化", "商贸", "边境", "试点", "先进", "经济", "全国", "各个", "乡镇", "城镇",
    ]

    private static func town(endingAt end: Int, in scalars: [Unicode.Scalar], mentionEnds: [Int: RegionDetector.Mention], levels: [Region.Level]) -> (name: String, county: Int?)? {
        guard let before = wordEndings[scalars[end]], end > 0, !before.unicodeScalars.contains(scalars[end - 1]) else { return nil }
        // Right after a county (长顺县广顺镇): the county marks where the name starts.
        for length in 2...3 where end - length >= 0 {
            if let mention = mentionEnds[end - length], mention.candidates.count == 1,
               levels[mention.candidates[0]] == .county,
               let name = nameIfPlausible(scalars[(end - length)..<end]) {
                return (name, mention.candidates[0])
            }
        }
        var start = end
        while start > 0, end - start < 3, isNameCharacter(scalars[start - 1]) {
            start -= 1
        }
        guard end - start >= 2 else { return nil }
        if start > 0 && isNameCharacter(scalars[start - 1]) { return nil }  // cannot tell where the name starts
        return nameIfPlausible(scalars[start..<end]).map { ($0, nil) }
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        RegionNames.isHan(scalar) && !boundaryWords.unicodeScalars.contains(scalar) && !RegionNames.isPlaceholder(scalar)
    }

    private static func nameIfPlausible(_ slice: ArraySlice<Unicode.Scalar>) -> String? {
        guard slice.allSatisfy(isNameCharacter) else { return nil }
        let name = String(String.UnicodeScalarView(slice))
        return stopNames.contains(name) ? nil : name
    }
}
