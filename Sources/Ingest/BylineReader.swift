/// Reads bylines: 执笔人:秦微晰,… / 作者：张三 / 文/李四 / 本报记者 王五.
enum BylineReader {
    /// 新华社南京3月5日电（记者 张三、李四）→ 张三、李四.
    static func reporters(in text: String) -> String? {
        guard let start = text.prefix(80).range(of: "记者") else { return nil }
        let before = text[..<start.lowerBound].last
        guard before == "（" || before == "(" else { return nil }
        let rest = text[start.upperBound...].drop(while: { $0 == " " })
        guard let close = rest.firstIndex(where: { $0 == "）" || $0 == ")" }) else { return nil }
        let names = rest[..<close].split(whereSeparator: { "、 ,，".contains($0) }).map(String.init)
            .filter { (2...4).contains($0.count) && TextFeatures.cjkCount($0) == $0.count }
        return names.isEmpty || names.count > 4 ? nil : names.joined(separator: "、")
    }

    static let positions = ["总理", "省长", "市长", "县长", "区长", "州长", "旗长", "镇长", "乡长", "书记", "主任", "主席", "部长", "厅长", "局长", "院长", "校长", "秘书长", "董事长"]

    /// 国务院总理 李强 / 县长  张三: an office and a name under a speech's title.
    static func speaker(in text: String) -> String? {
        guard text.hasAtMost(24), !TextFeatures.hasProsePunctuation(text) else { return nil }
        let parts = text.split(separator: " ")
        guard parts.count >= 2, let name = parts.last, (2...4).contains(name.count),
              TextFeatures.cjkCount(String(name)) == name.count else { return nil }
        let office = parts.dropLast().joined()
        return positions.contains(where: office.hasSuffix) ? String(name) : nil
    }

    static let labels = ["执笔人", "执笔", "作者", "撰稿人", "撰稿", "撰文", "文", "记者", "本报记者", "通讯员", "供稿"]

    /// Sorted once, not at every line: 本报记者 before 记者.
    static let labelsLongestFirst = labels.sorted(by: { $0.count > $1.count })

    static func author(in text: String) -> String? {
        let compact = text.trimmingSpaces
        for label in labelsLongestFirst where compact.hasPrefix(label) {
            var rest = compact.dropFirst(label.count)
            guard let separator = rest.first, ":：/｜| ".contains(separator) else { continue }
            rest = rest.drop(while: { ":：/｜| ".contains($0) })
            let name = ChromeFilter.personName(String(rest))
            guard (2...8).contains(name.count), TextFeatures.cjkCount(name) >= 2 || name.allSatisfy(\.isLetter) else { continue }
            return name
        }
        return nil
    }
}
