<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>DraftExport</name>
    <message>
        <location filename="../../widgets/draft/action.py" line="13"/>
        <source>Export to &amp;Jianying / CapCut…</source>
        <translation>导出到剪映 / CapCut(&amp;J)…</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/action.py" line="21"/>
        <source>No episode</source>
        <translation>没有剧集</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/action.py" line="22"/>
        <source>Open a project and choose an episode first.</source>
        <translation>请先打开项目并选择一集。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="126"/>
        <source>Marker “{name}” at {tc} (frame {frame}): drafts have no markers; add it again in the app if you need it.</source>
        <translation>标记“{name}”位于 {tc}（第 {frame} 帧）：草稿不支持标记，如有需要请在剪辑软件中重新添加。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="153"/>
        <source>Clip “{clip}” on {track} is disabled and was left out.</source>
        <translation>{track} 上的片段“{clip}”已停用，未导出。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="173"/>
        <source>Clip “{clip}” on {track}: this kind of media cannot go on this kind of draft track and was left out.</source>
        <translation>{track} 上的片段“{clip}”：此类素材不能放在这种草稿轨道上，未导出。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="221"/>
        <location filename="../../app/interchange/draft_export.py" line="370"/>
        <source>Clip “{clip}” runs past the end of {file}; it was shortened to the media&apos;s length.</source>
        <translation>片段“{clip}”超出了 {file} 的结尾，已按素材长度缩短。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="246"/>
        <source>Clip “{clip}”: Ken Burns applies to stills only and was left out.</source>
        <translation>片段“{clip}”：推拉摇移只适用于静态图片，未导出。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="274"/>
        <source>Clip “{clip}” on {track}: a {kind} with no clip right before it cannot be a draft transition and was left out.</source>
        <translation>{track} 上的片段“{clip}”：前面没有紧接的片段，{kind}无法成为草稿转场，未导出。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="281"/>
        <source>crossfade</source>
        <translation>叠化</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="283"/>
        <source>dip to black</source>
        <translation>闪黑</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="395"/>
        <source>Track {track} is soloed; drafts have no solo, so every track plays.</source>
        <translation>轨道 {track} 处于独奏状态；草稿不支持独奏，所有轨道都会播放。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="430"/>
        <source>Cannot create the folder {out}: {why}.</source>
        <translation>无法创建文件夹 {out}：{why}。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="435"/>
        <source>{out} is not a folder.</source>
        <translation>{out} 不是文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="439"/>
        <source>A draft named “{name}” already exists in {out}. Choose another name, or delete or rename the old draft first.</source>
        <translation>{out} 中已有名为“{name}”的草稿。请换一个名称，或先删除或重命名旧草稿。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="449"/>
        <source>Cannot write in {out}: {why}. Choose a folder you can write to.</source>
        <translation>无法写入 {out}：{why}。请选择一个可写入的文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="470"/>
        <source>The draft name is empty; give it a name.</source>
        <translation>草稿名称为空，请填写名称。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="474"/>
        <source>Episode {n} has nothing on its timeline yet; there is no draft to write.</source>
        <translation>第 {n} 集的时间线上还没有内容，没有可写入的草稿。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="484"/>
        <source>Creating the draft</source>
        <translation>正在创建草稿</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="490"/>
        <source>Placing clips</source>
        <translation>正在放置片段</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="499"/>
        <source>Moving the draft into place</source>
        <translation>正在将草稿移到目标位置</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="503"/>
        <source>A draft named “{name}” appeared in {out} while exporting; nothing was overwritten.</source>
        <translation>导出期间 {out} 中出现了名为“{name}”的草稿；未覆盖任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="512"/>
        <source>Could not write the draft in {out}: {why}.</source>
        <translation>无法在 {out} 中写入草稿：{why}。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_export.py" line="523"/>
        <source>Draft written</source>
        <translation>草稿已写入</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_media.py" line="93"/>
        <source> and {n} more</source>
        <translation> 等另外 {n} 个</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_media.py" line="96"/>
        <source>{n} media file(s) are offline: {files}. Relink or regenerate them (Media &gt; Missing media), then export again.</source>
        <translation>有 {n} 个素材文件离线：{files}。请重新链接或重新生成（素材 &gt; 缺失素材）后再导出。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_media.py" line="143"/>
        <source>Copying {file}</source>
        <translation>正在复制 {file}</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_media.py" line="161"/>
        <source>Could not read {file} as media ({why}); it may be damaged. Replace it and export again.</source>
        <translation>无法将 {file} 读取为素材（{why}），文件可能已损坏。请替换后重新导出。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_report.py" line="30"/>
        <source>Exported by Microdrama Studio from “{series}”, episode {n} “{title}”.</source>
        <translation>由 Microdrama Studio 从《{series}》第 {n} 集“{title}”导出。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_report.py" line="34"/>
        <source>## For {app} {versions}</source>
        <translation>## 适用于 {app} {versions}</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_report.py" line="38"/>
        <source>Put this whole folder in the app&apos;s draft folder, then restart the app (or leave and re-enter the home screen); the draft appears in the draft list.</source>
        <translation>把整个文件夹放进软件的草稿文件夹，然后重启软件（或退出再进入首页），草稿就会出现在草稿列表中。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_report.py" line="44"/>
        <source>- Windows: `{path}`</source>
        <translation>- Windows：`{path}`</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_report.py" line="45"/>
        <source>- macOS: `{path}`</source>
        <translation>- macOS：`{path}`</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_report.py" line="47"/>
        <source>If you moved the draft folder in the app&apos;s settings, use that folder instead.</source>
        <translation>如果你在软件设置中更改过草稿位置，请改用那个文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_report.py" line="54"/>
        <source>Media were copied into `materials/`. If the app shows media as missing on another computer, use its relink command and pick this folder&apos;s `materials/` folder.</source>
        <translation>素材已复制到 `materials/` 中。如果在另一台电脑上软件提示素材丢失，请使用其重新链接功能，选择本文件夹中的 `materials/` 文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_report.py" line="63"/>
        <source>Media are linked from the project folder; the draft opens only on a computer that has the project at the same place. Export with “collect files” to take it elsewhere.</source>
        <translation>素材链接自项目文件夹；只有在同一位置存有该项目的电脑上才能打开此草稿。若要带到别处，请勾选“收集文件”后导出。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_report.py" line="70"/>
        <source>## Not carried over</source>
        <translation>## 未能带入的内容</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_report.py" line="74"/>
        <source>Everything was carried over.</source>
        <translation>所有内容都已带入。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_targets.py" line="38"/>
        <source>Jianying Pro (剪映专业版)</source>
        <translation>剪映专业版</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_targets.py" line="39"/>
        <source>CapCut desktop</source>
        <translation>CapCut 桌面版</translation>
    </message>
    <message>
        <location filename="../../app/interchange/draft_job.py" line="30"/>
        <source>Export episode {n} as a draft</source>
        <translation>将第 {n} 集导出为草稿</translation>
    </message>
</context>
<context>
    <name>DraftExportDialog</name>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="47"/>
        <source>Export to Jianying / CapCut</source>
        <translation>导出到剪映 / CapCut</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="53"/>
        <source>Episode %1</source>
        <translation>第 %1 集</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="64"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="70"/>
        <source>Collect files: copy all media into the draft, so it opens on another computer</source>
        <translation>收集文件：把所有素材复制进草稿，以便在其他电脑上打开</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="78"/>
        <source>Episode</source>
        <translation>剧集</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="79"/>
        <source>App</source>
        <translation>软件</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="80"/>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="81"/>
        <source>Draft name</source>
        <translation>草稿名称</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="92"/>
        <source>Export Draft</source>
        <translation>导出草稿</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="95"/>
        <source>Cancel Export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="98"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="100"/>
        <source>Show Draft Folder</source>
        <translation>打开草稿所在文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="144"/>
        <source>For %1 %2. Export straight into the app&apos;s draft folder, or copy the draft folder there later:
Windows: %3
macOS: %4</source>
        <translation>适用于 %1 %2。可直接导出到软件的草稿文件夹，或稍后把草稿文件夹复制过去：
Windows：%3
macOS：%4</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="150"/>
        <source>Folder for the draft</source>
        <translation>草稿存放文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="161"/>
        <source>Choose a folder for the draft.</source>
        <translation>请选择草稿存放的文件夹。</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="170"/>
        <source>Exporting the draft…</source>
        <translation>正在导出草稿…</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="176"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="201"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消，未写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="203"/>
        <source>The draft was not written: %1</source>
        <translation>草稿未写入：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="214"/>
        <source>Draft written to %1 (%2 tracks, %3 clips). Open it from the app&apos;s draft list.</source>
        <translation>草稿已写入 %1（%2 条轨道，%3 个片段）。请在软件的草稿列表中打开。</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="218"/>
        <source>Not carried over (also in %1):</source>
        <translation>未能带入的内容（另见 %1）：</translation>
    </message>
    <message>
        <location filename="../../widgets/draft/dialog.py" line="222"/>
        <source>Everything was carried over.</source>
        <translation>所有内容都已带入。</translation>
    </message>
</context>
</TS>
