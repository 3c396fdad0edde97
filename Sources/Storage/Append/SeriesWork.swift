/// The part of an append that concerns one series: its samples classified against what is
/// stored, then the chunks to cut, computed before the transaction and applied to memory after
/// it commits.
struct SeriesWork: Sendable {
    /// The series' slot, or `nil` for a series the batch creates.
    var slot: Int32?
    /// The series id (assigned before the transaction for a new series).
    var seriesID: Int64
    /// The label set of a new series (empty for a stored one: its state has it).
    var labels: Labels
    /// The batch's samples for the series, ascending once `classify` ran: a slice, so that a
    /// caller can hand every series' samples in one array (the ingest path does; an array per
    /// series was an allocation per series per request). Indices start at `startIndex`, not 0,
    /// until `classify` leaves its fast path, which makes them start at 0 (`rebase`).
    var samples: ArraySlice<ChunkSample>
    /// The accepted samples, ascending (a slice of `samples` when all were accepted; indices
    /// start at 0 once `planCuts` plans a cut).
    var accepted: ArraySlice<ChunkSample> = []
    /// Indices into `samples` whose verdict needs the stored chunks.
    var deferred: [Int] = []
    /// The chunks the append cuts (encoded by `encodeCuts` from `cutRuns`).
    var cuts: [CutChunk] = []
    /// The positions in head-plus-accepted of each chunk to cut, as `planCuts` found them.
    var cutRuns: [Range<Int>] = []
    /// How many samples of head-plus-accepted the cuts consume.
    var cutCount = 0
    /// Where the complete chunks the head keeps end after the append (see `planCuts`).
    var keptRunEnds: [Int] = []

    /// Whether the timestamps strictly increase (no duplicates among them).
    private var isStrictlyAscending: Bool {
        for index in samples.indices.dropFirst() where samples[index].t <= samples[index - 1].t { return false }
        return true
    }

    /// Sorts the samples by time, keeping the batch order of equal timestamps.
    mutating func sortSamples() {
        var sorted = true
        for index in samples.indices.dropFirst() where samples[index].t < samples[index - 1].t {
            sorted = false
            break
        }
        if sorted { return }
        samples = samples.enumerated().sorted { lhs, rhs in
            lhs.element.t == rhs.element.t ? lhs.offset < rhs.offset : lhs.element.t < rhs.element.t
        }.map(\.element)[...]
    }

    /// Classifies every sample against `state` (the stored series, `nil` for a new one), as
    /// Prometheus' `memSeries.appendable` does with out-of-order ingestion off, plus one
    /// improvement: an older sample whose timestamp and value bits are already stored is a
    /// duplicate, not a rejection, so a retried batch is a no-op. Samples whose verdict needs a
    /// chunk are left in `deferred`.
    mutating func classify(state: inout SeriesState?, minValidTime: Int64, report: inout AppendReport, limit: Int) {
        sortSamples()
        if state != nil && labels.isEmpty && samples.count > 0 {
            // Fast path of a stored series: every sample newer than the newest stored one.
            if let newest = state!.maxT, let first = samples.first, first.t > newest, first.t >= minValidTime, isStrictlyAscending {
                accepted = samples
                report.accepted += accepted.count
                return
            }
            labels = state!.labels
        }
        // Off the fast path, positions in `samples` (`deferred`, the accepted prefix) count from 0.
        Self.rebase(&samples)
        let head = state?.head
        var newestT: Int64? = state?.maxT
        var newestBits: UInt64? = nil
        if let head, let last = head.maxT {
            newestBits = head[head.count - 1].v.bitPattern
            newestT = last
        } else {
            newestBits = state?.chunkLastBits
        }
        // `accepted` shares `samples` until the first sample that is not accepted.
        var acceptedPrefix = 0
        var diverged = false
        for index in samples.indices {
            let sample = samples[index]
            let bits = sample.v.bitPattern
            var isAccepted = false
            if sample.t < minValidTime {
                report.reject(.outOfBounds, labels, sample, limit: limit)
            } else if newestT.map({ sample.t > $0 }) ?? true {
                isAccepted = true
                newestT = sample.t
                newestBits = bits
            } else if sample.t == newestT {
                if let newestBits {
                    if newestBits == bits {
                        report.duplicates += 1
                    } else {
                        report.reject(.duplicateTimestamp, labels, sample, limit: limit)
                    }
                } else {
                    deferred.append(index)
                }
            } else if let head, let headMinT = head.minT, sample.t >= headMinT {
                // Older than the newest: nothing of this batch was accepted yet, so it is stored data.
                if let stored = head.index(of: sample.t), head[stored].v.bitPattern == bits {
                    report.duplicates += 1
                } else {
                    report.reject(.outOfOrder, labels, sample, limit: limit)
                }
            } else if let chunkMaxT = state?.chunkMaxT, sample.t <= chunkMaxT {
                deferred.append(index)
            } else {
                report.reject(.outOfOrder, labels, sample, limit: limit)
            }
            if isAccepted {
                if diverged { accepted.append(sample) } else { acceptedPrefix += 1 }
            } else if !diverged {
                diverged = true
                accepted = samples[0..<acceptedPrefix]
                accepted.reserveCapacity(samples.count)
            }
        }
        if !diverged { accepted = samples }
        report.accepted += accepted.count
    }

    /// Settles the deferred samples given the stored value bits at each of their timestamps.
    mutating func settleDeferred(stored: [Int64: UInt64], newestT: Int64?, report: inout AppendReport, limit: Int) {
        for index in deferred {
            let sample = samples[index]
            if let bits = stored[sample.t], bits == sample.v.bitPattern {
                report.duplicates += 1
            } else if sample.t == newestT {
                report.reject(.duplicateTimestamp, labels, sample, limit: limit)
            } else {
                report.reject(.outOfOrder, labels, sample, limit: limit)
            }
        }
        deferred.removeAll()
    }

    /// Plans the chunks to cut from head-plus-accepted: a chunk is cut before a sample that would
    /// make it hold more than `samplesPerChunk` samples or span more than `maxSpan` ms. Only
    /// finds the runs (`cutRuns`); `encodeCuts` encodes them, for many series at once on
    /// several cores. `head` is only read; `inout` lets the caller pass a series' head where it
    /// lies, without a copy.
    ///
    /// When the append gives the series several samples (a backfill, a sender catching up) and
    /// fewer than `chunksPerWrite` chunks are complete, none is cut: the head keeps them
    /// (`keptRunEnds`, then `SeriesHead.completeRunEnds`) and they are cut together later, so
    /// that their rows go into the series' last page of the `chunks` table in one transaction
    /// instead of rewriting that page once per chunk. The chunks are the same either way.
    mutating func planCuts(head: inout SeriesHead, samplesPerChunk: Int, maxSpan: Int64, chunksPerWrite: Int = 1) {
        guard !accepted.isEmpty else { return }
        let headCount = head.count
        let kept = head.completeRunEnds
        // Fast path: the head and the accepted samples fit in one chunk.
        if kept.isEmpty, headCount + accepted.count <= samplesPerChunk,
           let first = headCount > 0 ? head.minT : accepted.first?.t, let last = accepted.last, last.t - first <= maxSpan
        {
            cutCount = 0
            return
        }
        // Positions in `accepted` (here and in `encodeCuts`) count from 0.
        Self.rebase(&accepted)
        var start = 0
        for end in kept {
            cutRuns.append(start..<end)
            start = end
        }
        var startT = headCount > 0 ? head[start].t : accepted[0].t
        accepted.withUnsafeBufferPointer { accepted in
            for position in headCount..<(headCount + accepted.count) where position > start {
                let t = accepted[position - headCount].t
                if position - start >= samplesPerChunk || t - startT > maxSpan {
                    cutRuns.append(start..<position)
                    start = position
                    startT = t
                }
            }
        }
        if accepted.count > 1 && cutRuns.count < chunksPerWrite {
            keptRunEnds = cutRuns.map(\.upperBound)
            cutRuns = []
            cutCount = 0
        } else {
            cutCount = start
        }
    }

    /// Makes the indices of `slice` start at 0 (copying it, if they do not already).
    private static func rebase(_ slice: inout ArraySlice<ChunkSample>) {
        if slice.startIndex != 0 { slice = ArraySlice(Array(slice)) }
    }

    /// The samples `encodeCuts` encodes (the work it has to do).
    var samplesToEncode: Int { cutRuns.isEmpty ? 0 : cutRuns[cutRuns.count - 1].upperBound - cutRuns[0].lowerBound }

    /// Encodes the chunks `planCuts` planned from head-plus-accepted into `cuts`; `head` is only
    /// read (see `planCuts`). Touches nothing but this work item and `head`, so the items of a
    /// batch can be encoded concurrently.
    mutating func encodeCuts(head: inout SeriesHead) {
        guard !cutRuns.isEmpty else { return }
        let headCount = head.count
        let accepted = self.accepted
        var made: [CutChunk] = []
        made.reserveCapacity(cutRuns.count)
        for run in cutRuns {
            if run.lowerBound >= headCount {
                let from = run.lowerBound - headCount
                made.append(CutChunk(count: run.count) { accepted[from + $0] })
            } else {
                made.append(CutChunk(count: run.count) { offset in
                    let position = run.lowerBound + offset
                    return position < headCount ? head[position] : accepted[position - headCount]
                })
            }
        }
        cuts = made
    }

    /// Writes the accepted samples to the batch's WAL record.
    ///
    /// `mutating` though it changes nothing: called on an element of the batch's work array, a
    /// non-mutating method gets a copy of the element (retaining and releasing its five arrays).
    mutating func writeWAL(to wal: inout WALRecordWriter) {
        wal.beginSeries(id: seriesID, count: accepted.count)
        for sample in accepted { wal.append(t: sample.t, v: sample.v) }
    }

    /// Applies the committed work to the series' state: head, and the bounds of its chunks
    /// (`mutating` for the same reason as `writeWAL`).
    mutating func apply(to state: inout SeriesState, walRow: Int64, recentSpan: Int64) {
        accepted.withUnsafeBufferPointer { accepted in
            state.head.apply(accepted: accepted, cutCount: cutCount, walRow: walRow, runEnds: keptRunEnds)
        }
        state.recordCuts(cuts, recentSpan: recentSpan)
    }
}
