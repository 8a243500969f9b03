import XieshangStore
import XieshangWire

/// Limits on what alerts (告警) may carry and how many are stored, so that a peer cannot grow a node's store without
/// bound by provoking them: evidence and text are cut to a size, and each subject raises at most
/// ``perSubjectPerWindow`` alerts per ``windowMs`` (then one `alerts_suppressed` alert, then nothing until the window
/// ends).
public enum AlertLimits {
    /// Bytes of evidence one alert keeps: whole evidence items while they fit; the rest are left out (and counted in
    /// the message).
    public static let evidenceBytes = 64 * 1_024
    /// Characters of an alert's message.
    public static let messageCharacters = 1_000
    /// Characters of an alert's subject, code, period and figure.
    public static let fieldCharacters = 128
    /// Alerts one subject may raise per window.
    public static let perSubjectPerWindow = 100
    /// The window, ms of the node's clock.
    public static let windowMs: Int64 = 3_600_000
    /// Subjects counted per window; alerts about further subjects count under one shared name.
    public static let subjectsPerWindow = 1_000

    /// `alert` cut to the limits: text fields shortened (marked "…"), evidence kept whole while it fits.
    public static func capped(_ alert: Alert) -> Alert {
        var a = alert
        a.subject = cut(a.subject, fieldCharacters)
        a.code = cut(a.code, fieldCharacters)
        a.period = cut(a.period, fieldCharacters)
        a.figure = cut(a.figure, fieldCharacters)
        var kept: [[UInt8]] = []
        var bytes = 0
        for item in alert.evidence where bytes + item.count <= evidenceBytes {
            kept.append(item)
            bytes += item.count
        }
        var message = alert.message
        if kept.count < alert.evidence.count {
            message += " (evidence cut to \(kept.count) of \(alert.evidence.count) items, at most \(evidenceBytes) bytes)"
        }
        a.evidence = kept
        a.message = cut(message, messageCharacters)
        return a
    }

    static func cut(_ text: String, _ characters: Int) -> String {
        guard text.utf8.count > characters else { return text }  // count UTF-8 bytes first: a cheap upper bound
        guard text.count > characters else { return text }
        return String(text.prefix(characters - 1)) + "…"
    }
}

extension FederationNode {
    /// Emits an alert output and stores it as an up-scoped Alert event (once per subject, code and evidence), within
    /// ``AlertLimits``. While the store is replayed at open, the alert waits for ``FederationInput/start``.
    func raiseAlert(_ raw: Alert) {
        let alert = AlertLimits.capped(raw)
        if isLoading {
            if loadAlerts.count < 256 { loadAlerts.append(alert) }
            return
        }
        // Keyed by what was raised, before the cut (two alerts whose evidence was cut away are still two).
        let key = alert.subject + "|" + alert.code + "|" + alert.period + "|" + alert.figure + "|"
            + hexString(SHA256.hash(Array(raw.message.utf8) + raw.evidence.flatMap { $0 }).prefix(8))
        guard alertKeys.insert(key).inserted else { return }
        if alertKeys.count > 10_000 { alertKeys.removeAll() }
        guard let admitted = admitAlert(alert) else { return }
        outputs.append(.alert(admitted))
        if fenced {
            if unstoredAlerts.count < 256 { unstoredAlerts.append(admitted) }
            return
        }
        if deferredAlerts != nil {
            deferredAlerts?.append(admitted)  // stored with the received batch that raised it
            return
        }
        storeAlerts([admitted])
    }

    /// Originates `alerts` as up-scoped Alert events in one transaction; a failure is logged (the alert outputs were
    /// already emitted).
    func storeAlerts(_ alerts: [Alert]) {
        guard !alerts.isEmpty else { return }
        do throws(GroupRefusal) {
            _ = try originateGroup(alerts.map { Origination(kind: .alert, payload: $0.serializedBytes(), route: .up) })
        } catch {
            outputs.append(.log(LogRecord(.warning, .storeFailed, "cannot store alerts about \(alerts.map(\.subject).joined(separator: ", ")): \(error.error.message)")))
        }
    }

    /// The alert to store for `alert` under the per-subject rate limit: itself, one `alerts_suppressed` alert when the
    /// subject reaches its limit, or nil (dropped until the window ends).
    func admitAlert(_ alert: Alert) -> Alert? {
        if now - alertWindow.startMs >= AlertLimits.windowMs || now < alertWindow.startMs {
            alertWindow = (now, [:])
        }
        let counted = alertWindow.counts[alert.subject] != nil || alertWindow.counts.count < AlertLimits.subjectsPerWindow
        let subject = counted ? alert.subject : "*"
        let n = alertWindow.counts[subject, default: 0] + 1
        guard n <= AlertLimits.perSubjectPerWindow + 1 else { return nil }
        alertWindow.counts[subject] = n
        guard n == AlertLimits.perSubjectPerWindow + 1 else { return alert }
        outputs.append(.log(LogRecord(.warning, .alertsThrottled, "\(AlertLimits.perSubjectPerWindow) alerts about \(alert.subject) within \(AlertLimits.windowMs / 60_000) minutes; further ones are not stored until the window ends")))
        return Alert(subject: alert.subject, code: "alerts_suppressed",
                     message: "\(id) raised \(AlertLimits.perSubjectPerWindow) alerts about \(alert.subject) within \(AlertLimits.windowMs / 60_000) minutes (the last: \(alert.code)); further ones are logged, not stored, until the window ends",
                     period: "", figure: "", evidence: [])
    }
}
