/// Chinese numerals as written in headings and dates: 一, 十, 十二, 二十七, 一百零五, and digit by
/// digit 二〇二六.
public enum ChineseNumber {
    static let digits: [Character: Int] = [
        "〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
        "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    public static func isNumeral(_ c: Character) -> Bool {
        digits[c] != nil || c == "十" || c == "百"
    }

    /// `isNumeral` for a character that is this one scalar (and its own canonical form).
    static func isNumeral(value: UInt32) -> Bool {
        // Asked of nearly every character of a paragraph: most are ideographs, tested in a bitmap.
        if value >= 0x4E00 && value <= 0x9FFF {
            let offset = Int(value - 0x4E00)
            return ideographNumerals[offset >> 6] & (1 << UInt64(offset & 63)) != 0
        }
        return numeralScalars.contains(value)
    }

    /// Bit per ideograph U+4E00–U+9FFF: whether it is in `numeralScalars`.
    private static let ideographNumerals: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (0x9FFF - 0x4E00) / 64 + 1)
        for value in numeralScalars where value >= 0x4E00 && value <= 0x9FFF {
            let offset = Int(value - 0x4E00)
            bits[offset >> 6] |= 1 << UInt64(offset & 63)
        }
        return bits
    }()

    private static let numeralScalars: [UInt32] = (Array(digits.keys) + ["十", "百"]).map { $0.unicodeScalars.first!.value }

    /// The value of a numeral such as 二十七; nil when it is not one.
    public static func value(_ text: some StringProtocol) -> Int? {
        guard !text.isEmpty, text.count <= 8 else { return nil }
        // By scalar: a 十 or 百 inside a larger character makes a character that is no numeral,
        // and both ways below then give nil.
        if !text.unicodeScalars.contains(where: { $0 == "十" || $0 == "百" }) {
            // Digit by digit: 二〇二六 = 2026; a single digit is itself.
            var total = 0
            for c in text {
                guard let d = digits[c] else { return nil }
                total = total * 10 + d
            }
            return total
        }
        var total = 0
        var current = 0
        for c in text {
            if let d = digits[c] {
                current = d
            } else if c == "十" {
                total += (current == 0 ? 1 : current) * 10
                current = 0
            } else if c == "百" {
                total += current * 100
                current = 0
            } else {
                return nil
            }
        }
        return total + current
    }
}
