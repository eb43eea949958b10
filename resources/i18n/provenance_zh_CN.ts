<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>InterchangeActions</name>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="38"/>
        <source>Export Timeline as OpenTimelineIO…</source>
        <translation>将时间线导出为 OpenTimelineIO…</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="39"/>
        <source>Import Timeline from OpenTimelineIO…</source>
        <translation>从 OpenTimelineIO 导入时间线…</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="40"/>
        <source>Export Subtitles…</source>
        <translation>导出字幕…</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="41"/>
        <source>Export Credits and Provenance…</source>
        <translation>导出制作名单与来源记录…</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="45"/>
        <source>Check a Suspect Video…</source>
        <translation>检查疑似盗用视频…</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="52"/>
        <source>Export Episode…</source>
        <translation>导出剧集…</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="66"/>
        <source>No episode</source>
        <translation>没有剧集</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="67"/>
        <source>Open a project and choose an episode first.</source>
        <translation>请先打开项目并选择一集。</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="83"/>
        <source>Export OpenTimelineIO</source>
        <translation>导出 OpenTimelineIO</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="84"/>
        <location filename="../../widgets/provenance/actions.py" line="94"/>
        <source>OpenTimelineIO (*.otio)</source>
        <translation>OpenTimelineIO (*.otio)</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="93"/>
        <source>Import OpenTimelineIO</source>
        <translation>导入 OpenTimelineIO</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="100"/>
        <source>Some media was not found</source>
        <translation>部分素材未找到</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="101"/>
        <source>The timeline was imported; these clips are offline:</source>
        <translation>时间线已导入；以下片段的素材离线：</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="110"/>
        <source>Export Subtitles</source>
        <translation>导出字幕</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="111"/>
        <source>SubRip (*.srt);;WebVTT (*.vtt);;Advanced SubStation (*.ass)</source>
        <translation>SubRip (*.srt);;WebVTT (*.vtt);;Advanced SubStation (*.ass)</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="122"/>
        <source>Export Credits and Provenance</source>
        <translation>导出制作名单与来源记录</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="123"/>
        <source>Markdown (*.md);;JSON (*.json)</source>
        <translation>Markdown (*.md);;JSON (*.json)</translation>
    </message>
</context>
<context>
    <name>ProvenanceContentCredentials</name>
    <message>
        <location filename="../../app/provenance/content_credentials.py" line="43"/>
        <source>Cannot read the signing certificate or key ({filename}): {strerror}. Choose them again in Preferences &gt; Content credentials.</source>
        <translation>无法读取签名证书或密钥（{filename}）：{strerror}。请在“首选项 &gt; 内容凭证”中重新选择。</translation>
    </message>
    <message>
        <location filename="../../app/provenance/content_credentials.py" line="80"/>
        <source>Unknown signing algorithm {algorithm!r}; use one of {join}.</source>
        <translation>未知的签名算法 {algorithm!r}；请使用以下之一：{join}。</translation>
    </message>
    <message>
        <location filename="../../app/provenance/content_credentials.py" line="103"/>
        <source>Signing {name} with content credentials failed: {exc}. The export itself is unchanged. If the message is about the certificate, check the chain (leaf first, then its CA) and that the key matches it.</source>
        <translation>为 {name} 签署内容凭证失败：{exc}。导出文件本身未改动。如果提示与证书有关，请检查证书链（先叶证书，后其 CA）以及密钥是否与之匹配。</translation>
    </message>
    <message>
        <location filename="../../app/provenance/content_credentials.py" line="106"/>
        <source>Could not write the signed {name}: {value}.</source>
        <translation>无法写入已签名的 {name}：{value}。</translation>
    </message>
</context>
<context>
    <name>ProvenancePanel</name>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="49"/>
        <source>Asset</source>
        <translation>素材</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="49"/>
        <location filename="../../widgets/provenance/panel.py" line="157"/>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="49"/>
        <source>Provider · model</source>
        <translation>服务商 · 模型</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="50"/>
        <location filename="../../widgets/provenance/panel.py" line="160"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="50"/>
        <source>Used as</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="59"/>
        <source>Export Credits…</source>
        <translation>导出制作名单…</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="61"/>
        <source>Check Suspect Video…</source>
        <translation>检查疑似盗用…</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="118"/>
        <source>Open a project to see where each picture and sound came from.</source>
        <translation>打开项目即可查看每个画面和声音的来源。</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="122"/>
        <source>AI-generated</source>
        <translation>AI 生成</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="122"/>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="123"/>
        <source>Recorded</source>
        <translation>录制</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="123"/>
        <source>Rendered</source>
        <translation>渲染</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="140"/>
        <source>Episode %1: %2 assets, %3 AI-generated by %4 tools, %5 spent.</source>
        <translation>第 %1 集：%2 个素材，其中 %3 个由 %4 个 AI 工具生成，花费 %5。</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="157"/>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="157"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="158"/>
        <source>Prompt</source>
        <translation>提示词</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="158"/>
        <source>Negative prompt</source>
        <translation>反向提示词</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="159"/>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="159"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="159"/>
        <source>Job</source>
        <translation>作业</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="160"/>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="161"/>
        <source>Original file</source>
        <translation>原始文件</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="161"/>
        <source>Author</source>
        <translation>作者</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/panel.py" line="162"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>ProvenanceTheftDialog</name>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="177"/>
        <source>Fingerprint from the timeline</source>
        <translation>从时间线提取指纹</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="219"/>
        <source>Theft check of {name}</source>
        <translation>盗用检查：{name}</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="310"/>
        <source>Evidence pack for {name}</source>
        <translation>{name} 的证据包</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="348"/>
        <source>Theft check frames</source>
        <translation>盗用检查帧</translation>
    </message>
</context>
<context>
    <name>TheftCheckDialog</name>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="61"/>
        <source>Check a Suspect Video</source>
        <translation>检查疑似盗用视频</translation>
    </message>
    <message>
        <source>A video you found online (MP4, MOV, WebM…)</source>
        <translation type="vanished">你在网上发现的视频（MP4、MOV、WebM…）</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="73"/>
        <source>A video you found online, or a folder of them</source>
        <translation>在网上发现的视频，或存放这些视频的文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="74"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="76"/>
        <source>Folder…</source>
        <translation>文件夹…</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="78"/>
        <source>Save Evidence…</source>
        <translation>保存证据…</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="81"/>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="84"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="94"/>
        <source>Fingerprint Unexported Episodes</source>
        <translation>为未导出的剧集生成指纹</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="95"/>
        <source>Fingerprint episodes that were never exported from their timeline, without writing a video file</source>
        <translation>直接从时间线为从未导出的剧集生成指纹，不写出视频文件</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="108"/>
        <source>Episode</source>
        <translation>剧集</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="108"/>
        <source>In the suspect</source>
        <translation>疑似视频中</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="108"/>
        <source>In our episode</source>
        <translation>我们的剧集中</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="109"/>
        <source>Score</source>
        <translation>相似度</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="109"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="109"/>
        <source>Suspect file</source>
        <translation>可疑文件</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="118"/>
        <source>Our episode</source>
        <translation>我们的剧集</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="119"/>
        <source>Suspect</source>
        <translation>疑似视频</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="141"/>
        <source>No exported episode has a fingerprint yet. Every export is fingerprinted: export an episode, then check suspects here.</source>
        <translation>还没有已导出剧集的指纹。每次导出都会生成指纹：请先导出一集，再在这里检查疑似视频。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/provenance/theft_dialog.py" line="145"/>
        <source>%n exported episode(s) can be checked.</source>
        <translation>
            <numerusform>可检查 %n 个已导出的剧集。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/provenance/theft_dialog.py" line="173"/>
        <source>%n episode(s) fingerprinted from the timeline.</source>
        <translation>
            <numerusform>已从时间线为 %n 集生成指纹。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/provenance/theft_dialog.py" line="175"/>
        <source>Fingerprinting %n episode(s) from the timeline…</source>
        <translation>
            <numerusform>正在从时间线为 %n 集生成指纹…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="181"/>
        <source>Suspect video</source>
        <translation>疑似视频</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="182"/>
        <source>Videos (*.mp4 *.mov *.m4v *.webm *.mkv *.avi);;All files (*)</source>
        <translation>视频 (*.mp4 *.mov *.m4v *.webm *.mkv *.avi);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="188"/>
        <source>Folder of suspect videos</source>
        <translation>可疑视频所在文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="195"/>
        <source>Choose a video file or a folder to check.</source>
        <translation>请选择要检查的视频文件或文件夹。</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="203"/>
        <source>The folder holds no files to check.</source>
        <translation>该文件夹中没有可检查的文件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/provenance/theft_dialog.py" line="218"/>
        <source>Checking %n file(s)…</source>
        <translation>
            <numerusform>正在检查 %n 个文件…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/provenance/theft_dialog.py" line="255"/>
        <source>Skipped %n file(s) that could not be read: %1</source>
        <translation>
            <numerusform>已跳过 %n 个无法读取的文件：%1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="259"/>
        <source>No match: no checked file copies any of our exported episodes.</source>
        <translation>未发现匹配：所检查的文件均未复制我们已导出的剧集。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/provenance/theft_dialog.py" line="263"/>
        <source>%n file(s) copy our work.</source>
        <translation>
            <numerusform>%n 个文件复制了我们的作品。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/provenance/theft_dialog.py" line="264"/>
        <source>%n match(es).</source>
        <translation>
            <numerusform>共 %n 处匹配。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="344"/>
        <source>Only our sound is in
this file.</source>
        <translation>该文件中
只有我们的声音。</translation>
    </message>
    <message>
        <source>Choose a video file to check.</source>
        <translation type="vanished">请选择要检查的视频文件。</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation type="vanished">正在检查 %1…</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="242"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>No match: this video does not copy any of our exported episodes.</source>
        <translation type="vanished">未匹配：该视频没有复制我们已导出的任何剧集。</translation>
    </message>
    <message numerus="yes">
        <source>This video copies our work: %n match(es).</source>
        <translation type="vanished">
            <numerusform>该视频复制了我们的作品：%n 处匹配。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="266"/>
        <source>mirrored</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="268"/>
        <source>reversed</source>
        <translation>倒放</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="270"/>
        <source>speed ×%1</source>
        <translation>速度 ×%1</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="272"/>
        <source>sound only</source>
        <translation>仅声音</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="274"/>
        <source>picture and sound</source>
        <translation>画面和声音</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="276"/>
        <source>inside their frame</source>
        <translation>嵌在对方画面中</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="293"/>
        <source>Save the evidence pack in</source>
        <translation>证据包保存位置</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="307"/>
        <source>Evidence saved: %1</source>
        <translation>证据已保存：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="309"/>
        <source>Writing the evidence pack for %1…</source>
        <translation>正在为 %1 生成证据包…</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="323"/>
        <source>Our episode at %1</source>
        <translation>我们的剧集 %1 处</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="324"/>
        <source>Suspect at %1</source>
        <translation>疑似视频 %1 处</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="325"/>
        <source> (mirrored)</source>
        <translation>（镜像）</translation>
    </message>
    <message>
        <location filename="../../widgets/provenance/theft_dialog.py" line="340"/>
        <source>The export file is no longer
on this computer.</source>
        <translation>导出文件已不在
这台电脑上。</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../widgets/provenance/actions.py" line="92"/>
        <source>No episode open. Open a project and pick an episode.</source>
        <translation>未打开剧集。请打开项目并选择一集。</translation>
    </message>
</context>
</TS>
