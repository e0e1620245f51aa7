import Foundation

/// Bits written most significant first, the unit of postings lists, facet lists and compressed
/// texts. The page's JavaScript reads them with the same rules (`BitReader` in search.js).
///
/// Not copyable: it owns the buffer its words go to (an array's append checked, for every word,
/// that the array was not shared and had room; here a word is a store).
struct BitWriter: ~Copyable {
    /// Full 32-bit words, most significant bit first; `finish()` turns them into bytes.
    private var words: UnsafeMutablePointer<UInt32>
    private var capacity: Int
    private var used = 0
    private var current: UInt64 = 0
    private var pending = 0

    /// `capacity` in bytes: room reserved (it grows as needed).
    init(capacity bytes: Int = 0) {
        capacity = max(16, bytes / 4 + 1)
        words = .allocate(capacity: capacity)
    }

    deinit {
        words.deallocate()
    }

    /// The low `count` bits of `value` (count ≤ 32). Bits wait in `current` until 32 of them
    /// can go out together, as one word: indexing writes hundreds of millions of short codes.
    @inline(__always)
    mutating func write(_ value: UInt32, bits count: Int) {
        guard count > 0 else { return }
        // Masking shifts and wrapping arithmetic: count ≤ 32 and fewer than 32 bits wait, so
        // nothing overflows, and the checks Swift would add cost more than the work.
        let shift = UInt64(truncatingIfNeeded: count)
        current = current &<< shift | UInt64(value) & ((1 &<< shift) &- 1)
        pending &+= count
        if pending >= 32 {
            pending &-= 32
            if used == capacity { grow() }
            words[used] = UInt32(truncatingIfNeeded: current &>> UInt64(truncatingIfNeeded: pending))
            used &+= 1
            current &= (1 &<< UInt64(truncatingIfNeeded: pending)) &- 1
        }
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: words, count: used)
        words.deallocate()
        words = larger
        capacity *= 2
    }

    /// Exp-Golomb code of order `k` for a value ≥ 0: small values in few bits, any value possible.
    @inline(__always)
    mutating func expGolomb(_ value: Int, k: Int) {
        let shifted = UInt64(value) &+ (1 &<< UInt64(truncatingIfNeeded: k))
        let width = 64 &- shifted.leadingZeroBitCount
        let total = 2 &* width &- 1 &- k
        if total <= 32 {
            // The zeros in front are the value's own leading zeros in a field of `total` bits.
            write(UInt32(truncatingIfNeeded: shifted), bits: total)
            return
        }
        write(0, bits: width - 1 - k)
        var remaining = width
        while remaining > 32 {
            remaining -= 32
            write(UInt32(truncatingIfNeeded: shifted >> UInt64(remaining)), bits: 32)
        }
        write(UInt32(truncatingIfNeeded: shifted), bits: remaining)
    }

    /// The bytes written, the last one padded with zero bits.
    consuming func finish() -> [UInt8] {
        let tail = (pending + 7) / 8
        return [UInt8](unsafeUninitializedCapacity: used * 4 + tail) { buffer, count in
            for index in 0..<used {
                let word = words[index]
                buffer[count] = UInt8(truncatingIfNeeded: word >> 24)
                buffer[count + 1] = UInt8(truncatingIfNeeded: word >> 16)
                buffer[count + 2] = UInt8(truncatingIfNeeded: word >> 8)
                buffer[count + 3] = UInt8(truncatingIfNeeded: word)
                count += 4
            }
            // The pending bits (fewer than 32), padded with zeros to whole bytes.
            let padded = current << UInt64(tail * 8 - pending)
            for index in 0..<tail {
                buffer[count] = UInt8(truncatingIfNeeded: padded >> UInt64((tail - 1 - index) * 8))
                count += 1
            }
        }
    }

    /// Bits an Exp-Golomb code of order k takes for `value`, for choosing k.
    @inline(__always)
    static func expGolombBits(_ value: Int, k: Int) -> Int {
        let shifted = UInt64(value) &+ (1 &<< UInt64(truncatingIfNeeded: k))
        let width = 64 &- shifted.leadingZeroBitCount
        return 2 &* width &- 1 &- k
    }

    /// The order (0 ... maxK) that codes `values` in the fewest bits. The size as a function of
    /// the order has one minimum, near log2 of the mean; only the orders around it are counted.
    static func bestOrder<C: Collection>(for values: C, maxK: Int) -> Int where C.Element == Int {
        bestOrder(for: Array(values), minus: 0, maxK: maxK)
    }

    /// The same for `values[i] - minus` (the id gaps are coded less one), without a copy.
    ///
    /// The order is found as before (the guess from the mean, then one order at a time down,
    /// then up, while the size shrinks), but the sizes at the guess and its two neighbours are
    /// counted in one pass, and from the sum of code widths: `expGolombBits` summed is twice the
    /// widths' sum less n × (1 + k). Postings are millions of entries; these passes were a
    /// tenth of writing the index.
    static func bestOrder(for values: [Int], minus: Int, maxK: Int) -> Int {
        guard !values.isEmpty else { return 0 }
        return values.withUnsafeBufferPointer { values in
            let n = values.count
            var sum = 0
            for value in values { sum += value - minus }
            let mean = Double(sum) / Double(n)
            let guess = mean < 1 ? 0 : min(maxK, Int(log2(mean)))
            /// Σ width(value + 2^k) over the values.
            func widths(_ k: Int) -> Int {
                let bit = UInt64(1) &<< UInt64(k)
                var total = 0
                for value in values { total &+= 64 &- (UInt64(value &- minus) &+ bit).leadingZeroBitCount }
                return total
            }
            func bits(_ widths: Int, _ k: Int) -> Int { 2 * widths - n * (1 + k) }
            // The guess and its neighbours together.
            var below = 0, at = 0, above = 0
            let low = UInt64(1) &<< UInt64(max(0, guess - 1))
            let middle = UInt64(1) &<< UInt64(guess)
            let high = UInt64(1) &<< UInt64(min(63, guess + 1))
            for value in values {
                let v = UInt64(value &- minus)
                below &+= 64 &- (v &+ low).leadingZeroBitCount
                at &+= 64 &- (v &+ middle).leadingZeroBitCount
                above &+= 64 &- (v &+ high).leadingZeroBitCount
            }
            var best = guess
            var bestTotal = bits(at, guess)
            var k = guess - 1
            var size = bits(below, k)
            while k >= 0 && size < bestTotal {
                best = k
                bestTotal = size
                k -= 1
                if k >= 0 { size = bits(widths(k), k) }
            }
            k = guess + 1
            size = bits(above, k)
            while k <= maxK && size < bestTotal {
                best = k
                bestTotal = size
                k += 1
                if k <= maxK { size = bits(widths(k), k) }
            }
            return best
        }
    }
}

struct BitReader {
    let bytes: [UInt8]
    private(set) var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var bitCount: Int { bytes.count * 8 }

    mutating func bit() -> UInt32? {
        guard position < bitCount else { return nil }
        let value = UInt32(bytes[position >> 3] >> UInt8(7 - position & 7)) & 1
        position += 1
        return value
    }

    /// The next 64 bits from `position`, first bit highest; bits past the end read as 0. At
    /// least 57 of them are the stream's (the window starts at a byte).
    @inline(__always) private func window() -> UInt64 {
        let byte = position >> 3
        var word: UInt64 = 0
        if byte + 8 <= bytes.count {
            word = bytes.withUnsafeBytes { UInt64(bigEndian: $0.loadUnaligned(fromByteOffset: byte, as: UInt64.self)) }
        } else {
            for index in 0..<8 {
                word <<= 8
                if byte + index < bytes.count { word |= UInt64(bytes[byte + index]) }
            }
        }
        return word << UInt64(position & 7)
    }

    mutating func read(bits count: Int) -> UInt64? {
        guard count > 0 else { return 0 }
        guard count <= 64, position + count <= bitCount else { return nil }
        if count > 56 {
            guard let high = read(bits: count - 32), let low = read(bits: 32) else { return nil }
            return high << 32 | low
        }
        let value = window() >> UInt64(64 - count)
        position += count
        return value
    }

    /// Order-k Exp-Golomb: z zeros, a one, then z + k bits. Nil past the end or over 40 zeros.
    mutating func expGolomb(k: Int) -> Int? {
        let zeros = window().leadingZeroBitCount
        guard zeros <= 40, position + zeros + 1 <= bitCount else { return nil }
        position += zeros + 1
        guard let rest = read(bits: zeros + k) else { return nil }
        let value = (UInt64(1) << UInt64(zeros + k)) | rest
        return Int(value - (UInt64(1) << UInt64(k)))
    }
}
