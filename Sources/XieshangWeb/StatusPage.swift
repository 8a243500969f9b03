import XieshangWire

/// The first page (节点状态页): this body's name, tier and its links to neighbours with their state — what
/// `xieshang status` shows, in Chinese, for the office.
public enum StatusPage {
    /// The tier's Chinese name (`city` → 市级).
    public static func tierName(_ tier: String) -> String {
        switch tier {
        case "city": return "市级"
        case "county": return "县（区）级"
        case "township": return "乡镇（街道）级"
        case "province": return "省级"
        default: return tier
        }
    }

    /// A link role's Chinese name.
    static func roleName(_ role: String) -> String {
        switch role {
        case "parent": return "上级"
        case "child": return "下级"
        case "alliance": return "联席会成员"
        default: return role
        }
    }

    /// A link state's Chinese name and its CSS class.
    static func state(_ state: String) -> (String, String) {
        switch state {
        case "up": return ("已连接", "up")
        case "connecting": return ("连接中", "wait")
        case "inbound-only": return ("等待对方连接", "wait")
        case "refused": return ("被拒绝", "down")
        default: return (state, "wait")
        }
    }

    /// Uptime as 天/小时/分.
    static func uptime(_ seconds: UInt64) -> String {
        let d = seconds / 86_400, h = seconds % 86_400 / 3600, m = seconds % 3600 / 60
        if d > 0 { return "\(d) 天 \(h) 小时" }
        if h > 0 { return "\(h) 小时 \(m) 分" }
        return "\(m) 分"
    }

    /// The page's HTML, with the software's `version` when known (the IT page).
    public static func render(_ s: StatusResponse, version: String = "") -> String {
        let e = WebPage.escape
        var b = "<section><h2>本机</h2><dl class=\"facts\">"
        b += "<dt>名称</dt><dd>\(e(s.name))</dd>"
        b += "<dt>层级</dt><dd>\(e(tierName(s.tier)))</dd>"
        b += "<dt>节点标识</dt><dd>\(e(s.nodeId))</dd>"
        b += "<dt>已存事件</dt><dd>\(s.eventsStored)</dd>"
        b += "<dt>本机序号</dt><dd>\(s.ownSeq)</dd>"
        b += "<dt>运行时间</dt><dd>\(uptime(s.uptimeSeconds))</dd>"
        if !version.isEmpty { b += "<dt>版本</dt><dd data-version>\(e(version))</dd>" }
        if s.fenced { b += "<dt>注意</dt><dd><span class=\"state down\">正在恢复本机事件</span></dd>" }
        b += "</dl></section>\n"
        b += "<section><h2>连接（\(s.links.count)）</h2>"
        if s.links.isEmpty {
            b += "<p class=\"muted\">没有配置上级、下级或联席会成员。</p>"
        } else {
            b += "<div class=\"scroll\"><table><thead><tr><th>对方</th><th>关系</th><th>状态</th><th>待确认</th><th>最近错误</th></tr></thead><tbody>\n"
            for l in s.links {
                let (label, cls) = state(l.state)
                b += "<tr data-peer=\"\(e(l.peer))\"><td>\(e(l.peer))</td><td>\(e(roleName(l.role)))</td>"
                b += "<td><span class=\"state \(cls)\">\(e(label))</span></td><td>\(l.lag)</td><td>\(e(l.lastError))</td></tr>\n"
            }
            b += "</tbody></table></div>"
        }
        b += "</section>\n"
        if !s.alerts.isEmpty {
            b += "<section><h2>提醒</h2><ul>"
            for a in s.alerts { b += "<li>\(e(a.subject))：\(e(a.message))</li>" }
            b += "</ul></section>\n"
        }
        return WebPage.html(title: s.name.isEmpty ? "协商节点" : s.name, subtitle: "\(tierName(s.tier)) · 节点状态", body: b)
    }
}
