<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../widgets/export/dialog.py" line="43"/>
        <source>Export Episode</source>
        <translation>导出剧集</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="52"/>
        <source>Episode %1</source>
        <translation>第 %1 集</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="62"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="67"/>
        <source>Write an .srt subtitle file next to the video</source>
        <translation>在视频旁写入 .srt 字幕文件</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="69"/>
        <source>Visible AI-content label on the opening frames</source>
        <translation>在开头画面显示 AI 生成内容标识</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="72"/>
        <source>Repeat the label at the end</source>
        <translation>结尾再次显示标识</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="73"/>
        <source>Sign with content credentials (C2PA)</source>
        <translation>用内容凭证（C2PA）签名</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="76"/>
        <source>Certificate chain (PEM, leaf first)</source>
        <translation>证书链（PEM，叶证书在前）</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="78"/>
        <source>Private key (PEM)</source>
        <translation>私钥（PEM）</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="82"/>
        <source>Episode</source>
        <translation>剧集</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="83"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="84"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="86"/>
        <source>AI label</source>
        <translation>AI 标识</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="87"/>
        <source>Label text</source>
        <translation>标识文字</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="89"/>
        <source>Credentials</source>
        <translation>内容凭证</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="90"/>
        <source>Certificate</source>
        <translation>证书</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="91"/>
        <source>Key</source>
        <translation>私钥</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="102"/>
        <location filename="../../widgets/export/dialog.py" line="141"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="105"/>
        <source>Cancel Export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="108"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="139"/>
        <source>…and %1 more.</source>
        <translation>……另有 %1 条。</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="140"/>
        <source>Before you export:</source>
        <translation>导出前请注意：</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="141"/>
        <source>Export Anyway</source>
        <translation>仍然导出</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="144"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="144"/>
        <source>MP4 video (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="155"/>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="160"/>
        <source>Change AI label</source>
        <translation>修改 AI 标识</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="179"/>
        <source>Exporting %1…</source>
        <translation>正在导出 %1…</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="186"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="198"/>
        <source>Exporting… %1% · about %2 left</source>
        <translation>正在导出… %1% · 约剩 %2</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="204"/>
        <source>Exported %1 (%2 s of video in %3 s).</source>
        <translation>已导出 %1（%2 秒视频，用时 %3 秒）。</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="214"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../widgets/export/dialog.py" line="200"/>
        <source>The export failed.</source>
        <translation>导出失败。</translation>
    </message>
</context>
<context>
    <name>ExportPresets</name>
    <message>
        <location filename="../../app/media/presets.py" line="48"/>
        <source>Standard 1080x1920 (H.264 + AAC)</source>
        <translation>标准 1080x1920（H.264 + AAC）</translation>
    </message>
    <message>
        <location filename="../../app/media/presets.py" line="49"/>
        <source>Douyin 抖音</source>
        <translation>抖音</translation>
    </message>
    <message>
        <location filename="../../app/media/presets.py" line="51"/>
        <source>Kuaishou 快手</source>
        <translation>快手</translation>
    </message>
    <message>
        <location filename="../../app/media/presets.py" line="53"/>
        <source>TikTok</source>
        <translation>TikTok</translation>
    </message>
    <message>
        <location filename="../../app/media/presets.py" line="55"/>
        <source>YouTube Shorts</source>
        <translation>YouTube Shorts</translation>
    </message>
    <message>
        <location filename="../../app/media/presets.py" line="57"/>
        <source>Instagram Reels</source>
        <translation>Instagram Reels</translation>
    </message>
    <message>
        <location filename="../../app/media/presets.py" line="59"/>
        <source>Fast draft 720x1280</source>
        <translation>快速草稿 720x1280</translation>
    </message>
</context>
<context>
    <name>MediaPresets</name>
    <message>
        <location filename="../../app/media/presets.py" line="71"/>
        <source>Unknown export preset {name!r}; choose one of: {join}.</source>
        <translation>未知的导出预设 {name!r}；请从以下预设中选择：{join}。</translation>
    </message>
</context>
</TS>
