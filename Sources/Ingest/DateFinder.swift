import Content

/// Finds a date written in a line: 2023-12-28 12:54:02, 2023/12/28, 2023.12.28, 2024年3月5日,
/// 2024年3月, 二〇二六年一月二十七日. Placeholders such as 202x年 or 20-年 are not dates.
public enum DateFinder {
    /// The first date in the text, as precise as written; nil when there is none.
    public static func firstDate(in text: String) -> ReportDate? {
        // Every date has a year of four digits before 年 or a separator; most lines have none.
        guard text.utf8.contains(where: { ($0 >= 0x30 && $0 <= 0x39) }) || text.contains("年") else { return nil }
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            if let date = arabicDate(chars, at: i) ?? chineseDate(chars, at: i) { return date }
            i += 1
        }
        return nil
    }

    /// Whether the line is little more than a date (and perhaps a time, a weekday or a label):
    /// such lines are metadata, not report text.
    public static func isDateLine(_ text: String) -> Bool {
        guard text.utf8.count <= 120, text.count <= 40, firstDate(in: text) != nil else { return false }
        let allowed = Set("0123456789-/.:： 年月日时分秒号〇○零一二三四五六七八九十星期周上下午()（）发布时间日期更新来源")
        let rest = text.filter { !allowed.contains($0) }
        return rest.count <= 2
    }

    // MARK: - Scanning

    private static func arabicDate(_ c: [Character], at i: Int) -> ReportDate? {
        guard i + 4 < c.count, (0..<4).allSatisfy({ c[i + $0].isASCII && c[i + $0].isNumber }) else { return nil }
        if i > 0, c[i - 1].isNumber || c[i - 1].isLetter && c[i - 1].isASCII { return nil }
        guard let year = Int(String(c[i..<(i + 4)])), (1949...2100).contains(year) else { return nil }
        var j = i + 4
        let separator = c[j]
        guard "-/.年".contains(separator) else { return nil }
        j += 1
        guard let (month, afterMonth) = number(c, from: j, maxDigits: 2) else { return nil }
        j = afterMonth
        if separator == "年" {
            guard j < c.count, c[j] == "月" else { return nil }
            j += 1
            if let (day, afterDay) = number(c, from: j, maxDigits: 2), afterDay < c.count, "日号".contains(c[afterDay]) {
                return ReportDate(year: year, month: month, day: day) ?? ReportDate(year: year, month: month)
            }
            return ReportDate(year: year, month: month)
        }
        guard j < c.count, c[j] == separator else {
            // 2024-03 or 2024.3 alone: a month only when nothing numeric follows.
            return separator == "-" && (j >= c.count || !c[j].isNumber) ? ReportDate(year: year, month: month) : nil
        }
        j += 1
        guard let (day, afterDay) = number(c, from: j, maxDigits: 2) else { return nil }
        if afterDay < c.count, c[afterDay].isNumber { return nil }
        return ReportDate(year: year, month: month, day: day)
    }

    private static func chineseDate(_ c: [Character], at i: Int) -> ReportDate? {
        let yearDigits = "〇○零一二三四五六七八九"
        guard i + 5 < c.count, (0..<4).allSatisfy({ yearDigits.contains(c[i + $0]) }), c[i + 4] == "年" else { return nil }
        if i > 0, yearDigits.contains(c[i - 1]) { return nil }
        guard let year = ChineseNumber.value(String(c[i..<(i + 4)])), (1949...2100).contains(year) else { return nil }
        var j = i + 5
        var monthText = ""
        while j < c.count, monthText.count < 3, ChineseNumber.isNumeral(c[j]) { monthText.append(c[j]); j += 1 }
        guard j < c.count, c[j] == "月", let month = ChineseNumber.value(monthText) else { return nil }
        j += 1
        var dayText = ""
        while j < c.count, dayText.count < 3, ChineseNumber.isNumeral(c[j]) { dayText.append(c[j]); j += 1 }
        if j < c.count, "日号".contains(c[j]), let day = ChineseNumber.value(dayText) {
            return ReportDate(year: year, month: month, day: day) ?? ReportDate(year: year, month: month)
        }
        return ReportDate(year: year, month: month)
    }

    private static func number(_ c: [Character], from start: Int, maxDigits: Int) -> (Int, Int)? {
        var j = start
        var value = 0
        while j < c.count, j - start < maxDigits, c[j].isASCII, let d = c[j].wholeNumberValue {
            value = value * 10 + d
            j += 1
        }
        return j == start ? nil : (value, j)
    }
}
