import XieshangWire

extension DraftPatch {
    /// Largest product of line counts diffed line by line; beyond it the whole changed middle is one patch.
    public static let maxDiffCells = 4_000_000

    /// Position patches (in Unicode scalars) that turn `old` into `new`, to be applied in order, each against the
    /// text left by the previous ones (``DraftEdit``).
    ///
    /// Lines are matched by a longest-common-subsequence diff, so that unchanged lines between two changes are kept
    /// (a concurrent edit there survives the merge); inside each changed block of lines the common prefix and suffix
    /// of scalars are kept too, so a typo fix is a one-character patch. Texts whose line counts multiply to more than
    /// ``maxDiffCells`` are compared by common prefix and suffix only.
    public static func between(_ old: String, _ new: String) -> [DraftPatch] {
        let a = lines(old), b = lines(new)
        var hunks: [(oldLines: Range<Int>, newLines: Range<Int>)] = []
        if a.count * b.count > maxDiffCells {
            hunks = [(0..<a.count, 0..<b.count)]
        } else {
            // lcs[i][j]: length of the LCS of a[i...] and b[j...].
            let n = a.count, m = b.count
            var lcs = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
            if n > 0 && m > 0 {
                for i in stride(from: n - 1, through: 0, by: -1) {
                    for j in stride(from: m - 1, through: 0, by: -1) {
                        lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
                    }
                }
            }
            var i = 0, j = 0, startI = 0, startJ = 0
            func close() { if startI < i || startJ < j { hunks.append((startI..<i, startJ..<j)) } }
            while i < n || j < m {
                if i < n, j < m, a[i] == b[j] {
                    close()
                    i += 1; j += 1
                    startI = i; startJ = j
                } else if j < m, i == n || lcs[i][j + 1] >= lcs[i + 1][j] {
                    j += 1
                } else {
                    i += 1
                }
            }
            close()
        }
        // Scalar offsets of line starts.
        func starts(_ ls: [[Unicode.Scalar]]) -> [Int] {
            var out = [0]
            for l in ls { out.append(out.last! + l.count) }
            return out
        }
        let oldStarts = starts(a), newStarts = starts(b)
        let oldScalars = Array(old.unicodeScalars), newScalars = Array(new.unicodeScalars)
        var patches: [DraftPatch] = []
        var delta = 0
        for h in hunks {
            var lo = oldStarts[h.oldLines.lowerBound], hi = oldStarts[h.oldLines.upperBound]
            var nlo = newStarts[h.newLines.lowerBound], nhi = newStarts[h.newLines.upperBound]
            while lo < hi, nlo < nhi, oldScalars[lo] == newScalars[nlo] { lo += 1; nlo += 1 }
            while lo < hi, nlo < nhi, oldScalars[hi - 1] == newScalars[nhi - 1] { hi -= 1; nhi -= 1 }
            guard lo < hi || nlo < nhi else { continue }
            var inserted = String.UnicodeScalarView()
            inserted.append(contentsOf: newScalars[nlo..<nhi])
            patches.append(DraftPatch(position: UInt32(lo + delta), deleted: UInt32(hi - lo), inserted: String(inserted)))
            delta += (nhi - nlo) - (hi - lo)
        }
        return patches
    }

    /// The text's lines as scalars, each with its line feed (the last one may lack it).
    private static func lines(_ text: String) -> [[Unicode.Scalar]] {
        var out: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for s in text.unicodeScalars {
            current.append(s)
            if s == "\n" { out.append(current); current = [] }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }
}
