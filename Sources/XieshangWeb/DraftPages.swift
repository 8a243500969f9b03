import XieshangAccounts
import XieshangDomain
import XieshangTransport
import XieshangWire

/// Joint drafts 联名提案草稿 in the browser (issue 19): an alliance office starts a draft, edits its text in a textarea
/// and signs the exact version it was shown. An edit is sent as the patches between the text the page showed (the
/// version and content hash in hidden fields) and the textarea's text, made on that version: the domain merges them
/// with the other members' concurrent edits as CRDT operations (``AllianceLedger/editCommand(_:)``), exactly as
/// `xieshang draft edit` does. A sign-off names the content hash the page displayed, and the rules refuse it when the
/// content changed since (``AllianceLedger/signCommand(_:key:)``). Sign-offs voided by a later edit are marked.
///
/// Other members' edits are shown as they arrive by `/static/draft-watch.js`, a same-origin script (the CSP allows
/// `script-src 'self'`, no inline script): it polls `/drafts/state` and reloads the page when the draft changed,
/// unless the reader is typing, when it says so instead. Without JavaScript the page works the same with a refresh.
enum DraftPages {
    /// The script's path.
    static let scriptPath = "/static/draft-watch.js"

    /// The script: poll the draft's state every second; reload when it changed and nothing was typed, else show the note.
    static let script = """
    (function () {
      var el = document.querySelector('[data-draft-watch]');
      if (!el) { return; }
      var url = el.getAttribute('data-draft-watch'), shown = el.getAttribute('data-state'), typed = false;
      var area = document.querySelector('textarea[name=text]');
      if (area) { area.addEventListener('input', function () { typed = true; }); }
      function check() {
        fetch(url, { credentials: 'same-origin', cache: 'no-store' })
          .then(function (r) { return r.ok ? r.text() : ''; })
          .then(function (t) {
            t = t.trim();
            if (t && t !== shown) {
              if (!typed) { location.reload(); return; }
              var note = document.getElementById('draft-changed');
              if (note) { note.hidden = false; }
            }
            setTimeout(check, 1000);
          })
          .catch(function () { setTimeout(check, 5000); });
      }
      setTimeout(check, 1000);
    })();

    """

    /// `GET /drafts` (list and the new-draft form), `POST /drafts/new`, `GET /drafts/show?id=`, `GET /drafts/state?id=`,
    /// `POST /drafts/edit`, `POST /drafts/sign`, and the script.
    static func routes(_ data: WebData, _ book: AccountBook?) -> [WebSite.Route] {
        [
            WebSite.Route(method: "GET", path: scriptPath, isPrefix: false, capability: .open) { _, _ in
                HTTPResponse(status: 200, headers: [("content-type", "text/javascript; charset=utf-8")] + WebPage.securityHeaders, body: Array(script.utf8))
            },
            WorkflowStep.page("/drafts", .record(.jointDrafts)) { _, session in
                switch await data.jointDrafts() {
                case .failure(let e): return WebSite.failure(e)
                case .success(let drafts): return WebPage.response(html: listHTML(drafts, session, values: [:], error: ""))
                }
            },
            WorkflowStep.post("/drafts/new", .record(.jointDrafts)) { v, request, session in await create(v, data, book, request, session) },
            WorkflowStep.page("/drafts/show", .record(.jointDrafts)) { q, session in await show(data, session, id: q["id"] ?? "", values: [:], error: "") },
            WebSite.Route(method: "GET", path: "/drafts/state", isPrefix: false, capability: .record(.jointDrafts)) { request, _ in
                let id = WorkflowStep.query(request)["id"] ?? ""
                guard case .success(let drafts) = await data.jointDrafts(), let entry = drafts.first(where: { $0.draft.id == id }) else {
                    return WebPage.text(status: 404, "no draft '\(id)'\n")
                }
                return WebPage.text(state(entry.draft) + "\n")
            },
            WorkflowStep.post("/drafts/edit", .record(.jointDrafts)) { v, request, session in await edit(v, data, book, request, session) },
            WorkflowStep.post("/drafts/sign", .record(.jointDrafts)) { v, request, session in await sign(v, data, book, request, session) },
        ]
    }

    static func link(_ id: String) -> String { "/drafts/show?id=" + FormEncoding.encode(id) }

    /// What the script compares: the content hash, the sign-offs counted and the status (a sign-off changes no text).
    static func state(_ draft: JointDraft) -> String {
        "\(hexString(draft.currentDocument.contentHash)) \(draft.signOffs.count) \(draft.isSubmitted ? "submitted" : "open")"
    }

    /// A version as the form carries it: `node=count` pairs joined by `;`, sorted.
    static func versionText(_ v: DraftVersion) -> String {
        v.counts.keys.sorted().map { "\($0)=\(v.counts[$0] ?? 0)" }.joined(separator: ";")
    }

    /// The version a form names, or nil when it is malformed.
    static func version(parsing text: String) -> DraftVersion? {
        var counts: [String: UInt32] = [:]
        for pair in text.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[0].isEmpty, counts[String(parts[0])] == nil, let n = UInt32(parts[1]) else { return nil }
            counts[String(parts[0])] = n
        }
        return DraftVersion(counts)
    }

    /// A textarea's text as the draft holds it: the browser's CRLF line ends as LF.
    static func posted(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\r" }))
    }

    // MARK: Steps

    static func create(_ v: [String: String], _ data: WebData, _ book: AccountBook?, _ request: HTTPRequest, _ session: Session) async -> HTTPResponse {
        let drafts = (try? await data.jointDrafts().get()) ?? []
        let page = { (m: String) in listHTML(drafts, session, values: v, error: m) }
        let me = await data.identity()?.id ?? ""
        let action: DraftAction
        let id: String
        do throws(EntryForms.FieldError) {
            let alliance = try WorkflowStep.required(v, "alliance", "联盟编号"), title = try WorkflowStep.required(v, "title", "标题")
            let cos = try WorkflowStep.required(v, "cosponsors", "联名单位").split(whereSeparator: { $0 == "," || $0 == "，" || $0 == "、" || $0 == " " }).map(String.init)
            id = "\(alliance)/\(me)/\(drafts.filter { $0.alliance == alliance && $0.host == me }.count + 1)"
            action = DraftAction(action: .create(DraftNew(allianceId: alliance, draftId: id, title: title, coSponsors: cos, text: posted(v["text"] ?? ""))))
        } catch {
            return await WorkflowStep.refuse(error.message, book, request, session, detail: "draft create", page: page)
        }
        return await WorkflowStep.recordAlliance(.draft, action.serializedBytes(), data, book, request, session, detail: "draft \(id) created",
                                                 next: link(id), refused: page)
    }

    static func edit(_ v: [String: String], _ data: WebData, _ book: AccountBook?, _ request: HTTPRequest, _ session: Session) async -> HTTPResponse {
        let id = v["id"] ?? ""
        guard case .success(let drafts) = await data.jointDrafts(), let entry = drafts.first(where: { $0.draft.id == id }) else {
            return WebPage.refusal(HTTPRefusal(status: 404, reason: "本节点没有联名提案草稿 \(id) (there is no joint draft '\(id)' here)"))
        }
        let me = await data.identity()?.id ?? ""
        let page = { (m: String) in draftHTML(entry, here: me, session, values: v, error: m) }
        let detail = "draft \(id) edit"
        let edit: DraftEdit
        do throws(EntryForms.FieldError) {
            guard let baseHash = bytes(fromHex: v["base_hash"] ?? ""), baseHash.count == 32, let base = version(parsing: v["base_version"] ?? "") else {
                throw EntryForms.FieldError(message: "表单缺少所依据的版本或内容哈希，请重新打开草稿后再编辑")
            }
            guard entry.draft.text.version.includes(base) else {
                throw EntryForms.FieldError(message: "编辑所依据的版本 \(base) 不在本节点，请重新打开草稿后再编辑")
            }
            let shown = entry.draft.document(at: base).text
            edit = DraftEdit(draftId: id, baseHash: baseHash, patches: DraftPatch.between(shown, posted(v["text"] ?? "")), baseVersion: base.counts)
        } catch {
            return await WorkflowStep.refuse(error.message, book, request, session, detail: detail, page: page)
        }
        return await WorkflowStep.recordAlliance(.draft, DraftAction(action: .edit(edit)).serializedBytes(), data, book, request, session,
                                                 detail: detail + " (\(edit.patches.count) patches)", next: link(id), refused: page)
    }

    static func sign(_ v: [String: String], _ data: WebData, _ book: AccountBook?, _ request: HTTPRequest, _ session: Session) async -> HTTPResponse {
        let id = v["id"] ?? ""
        guard case .success(let drafts) = await data.jointDrafts(), let entry = drafts.first(where: { $0.draft.id == id }) else {
            return WebPage.refusal(HTTPRefusal(status: 404, reason: "本节点没有联名提案草稿 \(id) (there is no joint draft '\(id)' here)"))
        }
        let me = await data.identity()?.id ?? ""
        let page = { (m: String) in draftHTML(entry, here: me, session, values: [:], error: m) }
        guard let hash = bytes(fromHex: v["hash"] ?? ""), hash.count == 32 else {
            return await WorkflowStep.refuse("签署须指明所读版本的内容哈希（64 位十六进制）", book, request, session, detail: "draft \(id) sign", page: page)
        }
        return await WorkflowStep.recordAlliance(.draftSignOff, DraftSign(draftId: id, contentHash: hash).serializedBytes(), data, book, request, session,
                                                 detail: "draft \(id) signed \(hexString(hash.prefix(8)))…", next: link(id), refused: page)
    }

    // MARK: Pages

    static func show(_ data: WebData, _ session: Session, id: String, values: [String: String], error: String) async -> HTTPResponse {
        switch await data.jointDrafts() {
        case .failure(let e): return WebSite.failure(e)
        case .success(let drafts):
            guard let entry = drafts.first(where: { $0.draft.id == id }) else {
                return WebPage.refusal(HTTPRefusal(status: 404, reason: "本节点没有联名提案草稿 \(id) (there is no joint draft '\(id)' here)"))
            }
            return WebPage.response(html: draftHTML(entry, here: await data.identity()?.id ?? "", session, values: values, error: error))
        }
    }

    static func listHTML(_ drafts: [AllianceLedger.DraftEntry], _ session: Session, values: [String: String], error: String) -> String {
        let e = WebPage.escape
        func value(_ n: String) -> String { e(values[n] ?? "") }
        var b = "<section><h2>联名提案草稿</h2>"
        if drafts.isEmpty { b += "<p class=\"muted\">本节点尚无联名提案草稿。</p>" }
        b += "<ul class=\"desk\">"
        for d in drafts {
            let valid = Set(d.draft.signOffs.filter { !d.draft.isVoid($0) }.map(\.signer))
            b += "<li data-draft=\"\(e(d.draft.id))\"><a href=\"\(e(link(d.draft.id)))\">\(e(d.draft.title))</a> <span class=\"muted\">\(e(d.draft.id))</span> "
            b += "<span class=\"state \(d.draft.isSubmitted ? "up" : "wait")\">\(d.draft.isSubmitted ? "已提交" : "起草中") \(valid.count)/\(d.draft.coSponsors.count) 已签署</span></li>"
        }
        b += "</ul></section><section><h2>发起联名提案草稿</h2>" + WorkflowStep.refusal(error)
        b += "<form class=\"entry\" method=\"post\" action=\"/drafts/new\">" + WebPage.csrfField(session)
        b += "<label>联盟编号<input name=\"alliance\" required value=\"\(value("alliance"))\" placeholder=\"wuling\"></label>"
        b += "<label>标题<input name=\"title\" required value=\"\(value("title"))\"></label>"
        b += "<label>联名单位（节点编号，以逗号分隔，含本单位）<input name=\"cosponsors\" required value=\"\(value("cosponsors"))\"></label>"
        b += "<label>正文<textarea name=\"text\" rows=\"6\">\n\(value("text"))</textarea></label><button type=\"submit\">发起</button></form></section>\n"
        return WebPage.html(title: "联名提案草稿", subtitle: "\(session.displayName)（\(session.role.label)）", body: b)
    }

    /// A draft's page: its text, content hash and version, the sign-offs (void ones marked), and while it is open
    /// the edit form (the text in a textarea, made on the version shown) and the sign form (the hash shown).
    static func draftHTML(_ entry: AllianceLedger.DraftEntry, here: String, _ session: Session, values: [String: String], error: String) -> String {
        let e = WebPage.escape
        let draft = entry.draft
        let document = draft.currentDocument
        let hash = hexString(document.contentHash)
        var b = WorkflowStep.refusal(error)
        b += "<section data-draft-watch=\"/drafts/state?id=\(e(FormEncoding.encode(draft.id)))\" data-state=\"\(e(state(draft)))\">"
        b += "<h2>\(e(draft.title))</h2><p class=\"note\" id=\"draft-changed\" hidden>其他单位修改了草稿：请先复制您的修改，刷新后再编辑。</p>"
        b += "<dl class=\"facts\"><dt>编号</dt><dd>\(e(draft.id))</dd><dt>联盟</dt><dd>\(e(entry.alliance))</dd><dt>发起单位</dt><dd>\(e(entry.host))</dd>"
        b += "<dt>联名单位</dt><dd>\(e(draft.coSponsors.joined(separator: "、")))</dd>"
        b += "<dt>状态</dt><dd data-status=\"\(draft.isSubmitted ? "submitted" : "open")\">\(draft.isSubmitted ? "已提交（全部联名单位已签署同一版本）" : "起草中")</dd>"
        b += "<dt>内容哈希</dt><dd><code data-hash>\(hash)</code></dd><dt>版本</dt><dd>\(e(draft.text.version.description))</dd></dl>"
        b += "<h3>正文</h3><p class=\"text\" data-text>\(e(document.text))</p></section>"
        b += "<section><h2>签署（\(draft.signOffs.filter { !draft.isVoid($0) }.count)/\(draft.coSponsors.count)）</h2>"
        if draft.signOffs.isEmpty { b += "<p class=\"muted\">尚无签署。</p>" }
        b += "<ul class=\"desk\">"
        for s in draft.signOffs {
            let void = draft.isVoid(s)
            b += "<li data-signoff=\"\(e(s.signer))\" data-signed-hash=\"\(hexString(s.contentHash))\"\(void ? " data-void" : "")>\(e(s.signer)) 签署了 <code>\(hexString(s.contentHash.prefix(8)))…</code> "
            b += void ? "<span class=\"state down\">已作废（此后内容已修改）</span>" : "<span class=\"state up\">有效</span>"
            b += "</li>"
        }
        b += "</ul>"
        let hidden = WebPage.csrfField(session) + "<input type=\"hidden\" name=\"id\" value=\"\(e(draft.id))\">"
        if !draft.isSubmitted {
            if draft.coSponsors.contains(here) {
                b += "<form class=\"entry\" method=\"post\" action=\"/drafts/sign\">\(hidden)<input type=\"hidden\" name=\"hash\" value=\"\(hash)\">"
                b += "<button type=\"submit\" data-sign>签署此版本（\(hash.prefix(12))…）</button></form>"
            }
            b += "</section><section><h2>修改正文</h2>"
            b += "<form class=\"entry\" method=\"post\" action=\"/drafts/edit\">\(hidden)"
            b += "<input type=\"hidden\" name=\"base_hash\" value=\"\(hash)\"><input type=\"hidden\" name=\"base_version\" value=\"\(e(versionText(draft.text.version)))\">"
            b += "<label>正文（修改后提交，与其他单位同时的修改自动合并；修改会使已有签署作废）<textarea name=\"text\" rows=\"12\">\n\(e(values["text"].map(posted) ?? document.text))</textarea></label>"
            b += "<button type=\"submit\" data-save>提交修改</button></form>"
        }
        b += "</section>\n<script src=\"\(scriptPath)\" defer></script>\n"
        return WebPage.html(title: "联名提案草稿 · " + draft.title, subtitle: "\(session.displayName)（\(session.role.label)）", body: b)
    }
}
