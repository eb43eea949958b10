<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>EpisodeNavigator</name>
    <message>
        <location filename="../../widgets/season/navigator.py" line="84"/>
        <source>%1 episodes, %2 complete</source>
        <translation>共 %1 集，已完成 %2 集</translation>
    </message>
    <message>
        <location filename="../../widgets/season/navigator.py" line="107"/>
        <source>(untitled)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <location filename="../../widgets/season/navigator.py" line="109"/>
        <source>%1 shots</source>
        <translation>%1 个镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/season/navigator.py" line="147"/>
        <source>Episode Navigator</source>
        <translation>剧集导航</translation>
    </message>
    <message>
        <location filename="../../widgets/season/navigator.py" line="148"/>
        <source>Filter by number or title</source>
        <translation>按集数或标题筛选</translation>
    </message>
    <message>
        <location filename="../../widgets/season/navigator.py" line="150"/>
        <source>No.</source>
        <translation>集数</translation>
    </message>
    <message>
        <location filename="../../widgets/season/navigator.py" line="150"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../widgets/season/navigator.py" line="150"/>
        <source>Script</source>
        <translation>剧本</translation>
    </message>
    <message>
        <location filename="../../widgets/season/navigator.py" line="150"/>
        <source>Board</source>
        <translation>分镜</translation>
    </message>
    <message>
        <location filename="../../widgets/season/navigator.py" line="150"/>
        <source>Pictures</source>
        <translation>画面</translation>
    </message>
    <message>
        <location filename="../../widgets/season/navigator.py" line="151"/>
        <source>Voices</source>
        <translation>配音</translation>
    </message>
    <message>
        <location filename="../../widgets/season/navigator.py" line="151"/>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
</context>
<context>
    <name>FindInSeasonDialog</name>
    <message>
        <location filename="../../widgets/season/find.py" line="68"/>
        <source>Character</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../widgets/season/find.py" line="68"/>
        <source>Line</source>
        <translation>台词</translation>
    </message>
    <message>
        <location filename="../../widgets/season/find.py" line="69"/>
        <location filename="../../widgets/season/find.py" line="114"/>
        <source>Shot</source>
        <translation>镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/season/find.py" line="77"/>
        <source>Ep %1</source>
        <translation>第 %1 集</translation>
    </message>
    <message>
        <location filename="../../widgets/season/find.py" line="78"/>
        <source>Scene %1</source>
        <translation>第 %1 场</translation>
    </message>
    <message>
        <location filename="../../widgets/season/find.py" line="86"/>
        <source>First %1 results; type more to narrow the search.</source>
        <translation>仅显示前 %1 条结果；请输入更多文字缩小范围。</translation>
    </message>
    <message>
        <location filename="../../widgets/season/find.py" line="88"/>
        <source>%1 results</source>
        <translation>%1 条结果</translation>
    </message>
    <message>
        <location filename="../../widgets/season/find.py" line="89"/>
        <source>Nothing found in this season.</source>
        <translation>本季中没有找到。</translation>
    </message>
    <message>
        <location filename="../../widgets/season/find.py" line="112"/>
        <source>Find in Season</source>
        <translation>在整季中查找</translation>
    </message>
    <message>
        <location filename="../../widgets/season/find.py" line="113"/>
        <source>A character, a line of dialogue or a shot</source>
        <translation>角色、台词或镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/season/find.py" line="114"/>
        <source>Episode</source>
        <translation>剧集</translation>
    </message>
    <message>
        <location filename="../../widgets/season/find.py" line="114"/>
        <source>Scene</source>
        <translation>场次</translation>
    </message>
    <message>
        <location filename="../../widgets/season/find.py" line="114"/>
        <source>Found</source>
        <translation>匹配</translation>
    </message>
    <message>
        <location filename="../../widgets/season/find.py" line="115"/>
        <source>Text</source>
        <translation>内容</translation>
    </message>
</context>
<context>
    <name>SeasonActions</name>
    <message>
        <location filename="../../widgets/season/actions.py" line="101"/>
        <source>Episode &amp;Navigator…</source>
        <translation>剧集导航(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../widgets/season/actions.py" line="102"/>
        <source>Every episode of the season with its script, board, pictures, voices and export state</source>
        <translation>查看整季每一集的剧本、分镜、画面、配音与导出进度</translation>
    </message>
    <message>
        <location filename="../../widgets/season/actions.py" line="104"/>
        <source>&amp;Find in Season…</source>
        <translation>在整季中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../widgets/season/actions.py" line="105"/>
        <source>Find a character, a line or a shot in any episode</source>
        <translation>在任意一集中查找角色、台词或镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/season/actions.py" line="106"/>
        <source>Export &amp;Season…</source>
        <translation>导出整季(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../widgets/season/actions.py" line="107"/>
        <source>Export several episodes one after another</source>
        <translation>依次导出多集</translation>
    </message>
</context>
<context>
    <name>SeasonExport</name>
    <message>
        <location filename="../../app/season/export_job.py" line="49"/>
        <source>Export episode %1</source>
        <translation>导出第 %1 集</translation>
    </message>
</context>
<context>
    <name>SeasonExportDialog</name>
    <message>
        <location filename="../../widgets/season/export.py" line="119"/>
        <source>Standard 1080x1920 (H.264 + AAC)</source>
        <translation>标准 1080x1920（H.264 + AAC）</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="119"/>
        <source>Douyin</source>
        <translation>抖音</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="120"/>
        <source>Kuaishou</source>
        <translation>快手</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="120"/>
        <source>TikTok</source>
        <translation>TikTok</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="121"/>
        <source>YouTube Shorts</source>
        <translation>YouTube Shorts</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="121"/>
        <source>Instagram Reels</source>
        <translation>Instagram Reels</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="122"/>
        <source>Fast draft 720x1280</source>
        <translation>快速草稿 720x1280</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="135"/>
        <source>Export Season to</source>
        <translation>整季导出到</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="152"/>
        <source>The folder %1 does not exist; choose an existing folder.</source>
        <translation>文件夹 %1 不存在，请选择一个已有的文件夹。</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="164"/>
        <source>Season export paused.</source>
        <translation>整季导出已暂停。</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="187"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="187"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="190"/>
        <source>%1 episodes chosen.</source>
        <translation>已选择 %1 集。</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="197"/>
        <source>Exporting episode %1 (%2 of %3)…</source>
        <translation>正在导出第 %1 集（第 %2 个，共 %3 个）…</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="197"/>
        <source>Waiting to export (%2 of %3)…</source>
        <translation>等待导出（第 %2 个，共 %3 个）…</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="201"/>
        <source>Paused: the episode being exported finishes, the rest wait.</source>
        <translation>已暂停：正在导出的这一集会完成，其余的等待。</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="208"/>
        <source>Done: %1 written, %2 failed, %3 cancelled.</source>
        <translation>完成：已导出 %1 集，失败 %2 集，取消 %3 集。</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="211"/>
        <source>Written:</source>
        <translation>已写入：</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="213"/>
        <source>Failed:</source>
        <translation>失败：</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="215"/>
        <source>Ep %1: %2</source>
        <translation>第 %1 集：%2</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="217"/>
        <source>Cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="232"/>
        <source>Export Season</source>
        <translation>导出整季</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="233"/>
        <source>Episodes to export:</source>
        <translation>要导出的剧集：</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="234"/>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="235"/>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="236"/>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="237"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="238"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="239"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="240"/>
        <source>Cancel Export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <location filename="../../widgets/season/export.py" line="241"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
</TS>
