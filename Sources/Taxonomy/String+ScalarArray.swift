extension String {
    /// `Array(unicodeScalars)` in one pass over the UTF-8: the array initialiser counts the scalars
    /// before copying them, and the automata read every report's text this way twice.
    var scalarArray: [Unicode.Scalar] {
        var text = self
        return text.withUTF8 { bytes in
            var scalars: [Unicode.Scalar] = []
            // Every byte but a continuation byte starts a scalar.
            scalars.reserveCapacity(bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) })
            var i = 0
            while i < bytes.count {
                let lead = UInt32(bytes[i])
                let value: UInt32
                switch lead {
                case ..<0x80:
                    value = lead
                    i += 1
                case ..<0xE0:
                    value = (lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    i += 2
                case ..<0xF0:
                    value = (lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    i += 3
                default:
                    value = (lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                        | UInt32(bytes[i + 3] & 0x3F)
                    i += 4
                }
                // Valid UTF-8 (a String's storage) only encodes valid scalars.
                scalars.append(Unicode.Scalar(value).unsafelyUnwrapped)
            }
            return scalars
        }
    }
}
