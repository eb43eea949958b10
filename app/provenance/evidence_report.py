"""The evidence pack's report as HTML (one per language) and PDF.

PDF through Qt (QTextDocument + QPdfWriter, both QtGui): the same HTML prints with the
system's Noto CJK font, no extra dependency and no browser engine; a pack must be
makeable headless (CLI) as well as from the editor.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from app.provenance.evidence import Evidence


def _clock(seconds: float) -> str:
    minutes, secs = divmod(max(0.0, seconds), 60)
    return f"{int(minutes):02d}:{secs:05.2f}"


T = {
    "title": ("侵权比对证据报告", "Evidence report: copy of our work"),
    "intro": ("本报告由 Microdrama Studio 自动生成，将下列可疑文件与我方已发布剧集的指纹（画面与声音）进行比对。",
              "Made by Microdrama Studio, which compared the suspect file below with the picture and sound "
              "fingerprints of our published episodes."),
    "series": ("剧集", "Series"), "producer": ("内容制作方", "Content producer"),
    "generated": ("报告生成时间", "Report generated"), "tool": ("生成工具", "Made with"),
    "suspect": ("可疑文件", "Suspect file"), "name": ("文件名", "File name"), "size": ("大小", "Size"),
    "bytes": ("字节", "bytes"), "duration": ("时长", "Duration"), "seconds": ("秒", "s"),
    "match": ("比对结果", "Match"), "episode": ("我方剧集", "Our episode"),
    "export_file": ("导出文件", "Export file"), "export_date": ("导出（指纹）时间", "Exported (fingerprinted)"),
    "range_suspect": ("可疑文件中的时间段", "Time range in the suspect"),
    "range_ours": ("我方剧集中的时间段", "Time range in our episode"),
    "speed": ("播放速度", "Speed"), "score": ("相似度评分", "Score"),
    "picture": ("画面比对", "Picture match"), "sound": ("声音比对", "Sound match"),
    "samples": ("个一致的画面采样点", "agreeing picture samples"),
    "landmarks": ("个一致的声纹特征点", "agreeing sound landmarks"),
    "no_picture": ("画面不同（仅声音相同）", "different pictures (sound only)"),
    "no_sound": ("声音不同", "different sound"),
    "repeats": ("声音在我方剧集中可对应 %1 处起点（背景音乐循环），仅凭声音无法确定是哪一处",
                "sound matches at %1 - the music repeats, so sound alone cannot tell which"),
    "transformations": ("检测到的改动", "Detected transformations"), "none": ("无", "none"),
    "region": ("我方画面在可疑画面中的位置", "Where our picture sits in the suspect's frame"),
    "frames": ("逐帧对照（左：我方，右：可疑文件）", "Side-by-side frames (left: ours, right: suspect)"),
    "frame_at": ("我方 %1 ↔ 可疑文件 %2", "ours %1 ↔ suspect %2"),
    "mirrored_note": ("可疑画面为镜像，已翻转回原方向显示。", "The suspect is mirrored; shown flipped back."),
    "export_gone": ("我方导出文件已不在本机，无法截取我方画面；指纹与 SHA-256 仍可证明。",
                    "Our export file is no longer on this computer, so our frames are not shown; "
                    "the fingerprint and SHA-256 still stand."),
    "authorship": ("我方创作记录", "Our authorship record"),
    "generated_assets": ("本集使用的素材（来源、生成或导入时间、服务商、模型、任务编号）",
                         "Material in this episode (source, when generated or imported, vendor, model, vendor task id)"),
    "source": ("来源", "Source"), "generated_src": ("AI 生成", "AI-generated"), "imported_src": ("导入", "imported"),
    "recorded_src": ("录音棚录制", "recorded"), "rendered_src": ("软件渲染", "rendered"),
    "asset": ("素材", "Asset"), "used_as": ("用途", "Used as"), "created": ("生成时间", "Generated"),
    "vendor": ("服务商 / 模型", "Vendor / model"), "task": ("任务编号", "Task id"),
    "performers": ("配音演员", "Voice performers"), "as": ("饰", "as"),
    "c2pa": ("C2PA 内容凭证", "C2PA content credentials"),
    "c2pa_none": ("导出文件未签名（或不在本机）。", "The export was not signed (or is not on this computer)."),
    "no_ledger": ("无记录。", "No record."),
}


def _t(key: str, lang: str) -> str:
    zh, en = T[key]
    return zh if lang == "zh" else en


def _row(label: str, value: str) -> str:
    return f"<tr><th>{escape(label)}</th><td>{value}</td></tr>"


def render_html(e: Evidence, lang: str) -> str:
    t = lambda key: _t(key, lang)  # noqa: E731 - a one-letter helper keeps the template readable
    out = [f"<!DOCTYPE html><html lang=\"{'zh-CN' if lang == 'zh' else 'en'}\"><head><meta charset=\"utf-8\">",
           f"<title>{escape(t('title'))} — {escape(e.suspect_name)}</title>",
           "<style>body{font-family:'Noto Sans CJK SC','Noto Sans',sans-serif;margin:24px;color:#111}"
           "table{border-collapse:collapse;margin:6px 0 14px}th,td{border:1px solid #999;padding:4px 8px;"
           "text-align:left;vertical-align:top;font-size:10pt}th{background:#eee}h1{font-size:18pt}"
           "h2{font-size:14pt;margin-top:18px}code{font-size:9pt}</style></head><body>",
           f"<h1>{escape(t('title'))}</h1><p>{escape(t('intro'))}</p><table>",
           _row(t("series"), escape(e.series_title))]
    if e.producer:
        out.append(_row(t("producer"), escape(e.producer)))
    out += [_row(t("generated"), escape(e.generated_at)),
            _row(t("tool"), f"Microdrama Studio {escape(e.app_version)}"), "</table>",
            f"<h2>{escape(t('suspect'))}</h2><table>",
            _row(t("name"), escape(e.suspect_name)),
            _row(t("size"), f"{e.suspect_size:,} {t('bytes')}"),
            _row("SHA-256", f"<code>{e.suspect_sha256}</code>"),
            _row(t("duration"), f"{e.suspect_duration:.2f} {t('seconds')}"), "</table>"]
    for k, item in enumerate(e.episodes, 1):
        m, ref = item.match, item.reference
        changes = ", ".join(tr.chinese if lang == "zh" else tr.english for tr in m.transformations) or t("none")
        picture = (f"{m.matched_samples} {t('samples')}, {m.similarity * 100:.0f}%" if m.has_picture
                   else t("no_picture"))
        sound = f"{m.audio_landmarks} {t('landmarks')}" if m.has_sound else t("no_sound")
        out += [f"<h2>{escape(t('match'))} {k}</h2><table>",
                _row(t("episode"), escape(f"E{m.episode_number:02d} {m.title}")),
                _row(t("export_file"), escape(Path(ref.source_file).name)),
                _row(t("export_date"), escape(ref.created_at)),
                _row("SHA-256", f"<code>{ref.source_sha256}</code>"),
                _row(t("range_suspect"), f"{_clock(m.suspect_start)} – {_clock(m.suspect_end)}"),
                _row(t("range_ours"), f"{_clock(m.reference_start)} – {_clock(m.reference_end)}"),
                _row(t("speed"), f"×{m.speed:.2f}"),
                _row(t("score"), f"{m.score * 100:.0f}%"),
                _row(t("picture"), escape(picture)),
                _row(t("sound"), escape(sound)),
                _row(t("transformations"), escape(changes))]
        if m.region:
            out.append(_row(t("region"), escape(m.region)))
        if m.sound_alternatives:
            starts = " / ".join(_clock(x) for x in sorted([m.reference_start, *m.sound_alternatives]))
            out.append(_row(t("range_ours"), escape(t("repeats").replace("%1", starts))))
        out.append("</table>")
        if item.frames:
            out.append(f"<h3>{escape(t('frames'))}</h3>")
            if m.mirrored:
                out.append(f"<p>{escape(t('mirrored_note'))}</p>")
            if not item.export_available:
                out.append(f"<p>{escape(t('export_gone'))}</p>")
            for f in item.frames:
                caption = t("frame_at").replace("%1", _clock(f.our_time)).replace("%2", _clock(f.suspect_time))
                out.append(f"<p><img src=\"{escape(f.file)}\" width=\"420\"><br>{escape(caption)}</p>")
    out.append(f"<h2>{escape(t('authorship'))}</h2>")
    for item in {i.match.episode_id: i for i in e.episodes}.values():
        a = e.authorship.get(item.match.episode_id)
        out.append(f"<h3>{escape(f'E{item.match.episode_number:02d} {item.match.title}')}</h3>")
        if a is None or (not a.shots and not a.performers):
            out.append(f"<p>{escape(t('no_ledger'))}</p>")
            continue
        if a.shots:
            out.append(f"<p>{escape(t('generated_assets'))}</p><table><tr><th>{escape(t('asset'))}</th>"
                       f"<th>{escape(t('used_as'))}</th><th>{escape(t('source'))}</th><th>{escape(t('created'))}</th>"
                       f"<th>{escape(t('vendor'))}</th>"
                       f"<th>{escape(t('task'))}</th></tr>")
            for s in a.shots:
                source = t(f"{s['source']}_src") if f"{s['source']}_src" in T else s["source"]
                out.append(f"<tr><td>{escape(s['asset'])}</td><td>{escape(s['used_as'])}</td><td>{escape(source)}</td>"
                           f"<td>{escape(s['created_at'])}</td><td>{escape(s['provider'])} / {escape(s['model'])}</td>"
                           f"<td><code>{escape(s['task_id'])}</code></td></tr>")
            out.append("</table>")
        if a.performers:
            out.append(f"<p>{escape(t('performers'))}:</p><ul>")
            for who, roles in a.performers.items():
                out.append(f"<li>{escape(who)} {escape(t('as'))} {escape(', '.join(roles))}</li>")
            out.append("</ul>")
        out.append(f"<p>{escape(t('c2pa'))}: ")
        if a.c2pa:
            out.append(escape(f"{a.c2pa['claim_generator']} · {a.c2pa['signature_issuer']} · {a.c2pa['signed_at']} · "
                              + ", ".join(a.c2pa["assertions"])))
        else:
            out.append(escape(t("c2pa_none")))
        out.append("</p>")
    out.append("</body></html>")
    return "\n".join(out)


def write_pdf(html: str, base: Path, dest: Path) -> None:
    """Print the HTML to an A4 PDF with Qt (images resolve against ``base``)."""
    from PySide6.QtCore import QMarginsF, QUrl
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    from app.media.text_render import ensure_gui_app

    ensure_gui_app()
    doc = QTextDocument()
    doc.setBaseUrl(QUrl.fromLocalFile(str(base) + "/"))
    doc.setDefaultFont(QFont("Noto Sans CJK SC", 9))
    doc.setHtml(html)
    writer = QPdfWriter(str(dest))
    writer.setResolution(150)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setTitle(dest.stem)
    writer.setCreator("Microdrama Studio")
    doc.setPageSize(writer.pageLayout().paintRectPixels(writer.resolution()).size().toSizeF())
    doc.print_(writer)
