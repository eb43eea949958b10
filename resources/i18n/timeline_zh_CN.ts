<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FrameCanvas</name>
    <message>
        <location filename="../../widgets/player/canvas.py" line="104"/>
        <source>App top bar</source>
        <translation>应用顶栏</translation>
    </message>
    <message>
        <location filename="../../widgets/player/canvas.py" line="104"/>
        <source>Buttons</source>
        <translation>按钮区</translation>
    </message>
    <message>
        <location filename="../../widgets/player/canvas.py" line="105"/>
        <source>Caption</source>
        <translation>文案区</translation>
    </message>
    <message>
        <location filename="../../widgets/player/canvas.py" line="105"/>
        <source>Navigation bar</source>
        <translation>导航栏</translation>
    </message>
</context>
<context>
    <name>PreviewPanel</name>
    <message>
        <location filename="../../widgets/player/panel.py" line="152"/>
        <source>Go to start (Home)</source>
        <translation>跳到开头 (Home)</translation>
    </message>
    <message>
        <location filename="../../widgets/player/panel.py" line="153"/>
        <source>Previous frame (Left)</source>
        <translation>上一帧 (←)</translation>
    </message>
    <message>
        <location filename="../../widgets/player/panel.py" line="154"/>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停 (空格)</translation>
    </message>
    <message>
        <location filename="../../widgets/player/panel.py" line="155"/>
        <source>Next frame (Right)</source>
        <translation>下一帧 (→)</translation>
    </message>
    <message>
        <location filename="../../widgets/player/panel.py" line="156"/>
        <source>Go to end (End)</source>
        <translation>跳到结尾 (End)</translation>
    </message>
    <message>
        <location filename="../../widgets/player/panel.py" line="158"/>
        <source>Mark in (I)</source>
        <translation>标记入点 (I)</translation>
    </message>
    <message>
        <location filename="../../widgets/player/panel.py" line="159"/>
        <source>Mark out (O)</source>
        <translation>标记出点 (O)</translation>
    </message>
    <message>
        <location filename="../../widgets/player/panel.py" line="160"/>
        <source>Loop the in/out range</source>
        <translation>循环播放入出点范围</translation>
    </message>
    <message>
        <location filename="../../widgets/player/panel.py" line="170"/>
        <source>Safe</source>
        <translation>安全框</translation>
    </message>
    <message>
        <location filename="../../widgets/player/panel.py" line="170"/>
        <source>Title-safe guides</source>
        <translation>字幕安全框参考线</translation>
    </message>
    <message>
        <location filename="../../widgets/player/panel.py" line="172"/>
        <source>App UI</source>
        <translation>应用界面</translation>
    </message>
    <message>
        <location filename="../../widgets/player/panel.py" line="172"/>
        <source>Where Douyin/TikTok cover the picture</source>
        <translation>抖音/TikTok 界面遮挡画面的区域</translation>
    </message>
    <message>
        <location filename="../../widgets/player/panel.py" line="175"/>
        <location filename="../../widgets/player/panel.py" line="188"/>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <location filename="../../widgets/player/panel.py" line="175"/>
        <source>Zoom: fit / 100%</source>
        <translation>缩放：适应 / 100%</translation>
    </message>
    <message>
        <location filename="../../widgets/player/panel.py" line="197"/>
        <source>Frame %1 / %2</source>
        <translation>第 %1 帧 / 共 %2 帧</translation>
    </message>
    <message>
        <location filename="../../widgets/player/panel.py" line="199"/>
        <source>Dropped %1</source>
        <translation>丢帧 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/player/panel.py" line="264"/>
        <source>Open a project to preview it.</source>
        <translation>打开项目即可预览。</translation>
    </message>
</context>
<context>
    <name>ShortClipMenu</name>
    <message>
        <location filename="../../widgets/timeline/short_clip_menu.py" line="21"/>
        <source>Freeze the Last Frame</source>
        <translation>定格最后一帧</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/short_clip_menu.py" line="22"/>
        <source>Slow the Clip Down</source>
        <translation>放慢片段</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/short_clip_menu.py" line="23"/>
        <source>Loop the Clip</source>
        <translation>循环片段</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/short_clip_menu.py" line="24"/>
        <source>Shorten the Shot</source>
        <translation>缩短镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/short_clip_menu.py" line="49"/>
        <source>Clips Shorter Than Their Shot</source>
        <translation>片段短于镜头时</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/short_clip_menu.py" line="65"/>
        <source>Change how short clips are assembled</source>
        <translation>更改短片段的组装方式</translation>
    </message>
</context>
<context>
    <name>TimelineAssemble</name>
    <message>
        <location filename="../../app/timeline/assemble.py" line="220"/>
        <source>Assemble from storyboard</source>
        <translation>从分镜板组装</translation>
    </message>
</context>
<context>
    <name>TimelineEdits</name>
    <message>
        <location filename="../../app/timeline/edits.py" line="135"/>
        <source>A selected clip is on a locked track; unlock the track to move it.</source>
        <translation>所选片段位于已锁定的轨道上；请先解锁轨道再移动。</translation>
    </message>
    <message>
        <location filename="../../app/timeline/edits.py" line="141"/>
        <source>There is no track there to move the clip to.</source>
        <translation>那里没有可放置片段的轨道。</translation>
    </message>
    <message>
        <location filename="../../app/timeline/edits.py" line="144"/>
        <location filename="../../app/timeline/edits.py" line="170"/>
        <location filename="../../app/timeline/edits.py" line="219"/>
        <location filename="../../app/timeline/edits.py" line="246"/>
        <location filename="../../app/timeline/edits.py" line="333"/>
        <source>Track “{name}” is locked.</source>
        <translation>轨道“{name}”已锁定。</translation>
    </message>
    <message>
        <location filename="../../app/timeline/edits.py" line="146"/>
        <location filename="../../app/timeline/edits.py" line="337"/>
        <source>“{clip}” cannot go on the {kind} track “{name}”.</source>
        <translation>“{clip}”不能放到 {kind} 轨道“{name}”上。</translation>
    </message>
    <message>
        <location filename="../../app/timeline/edits.py" line="146"/>
        <location filename="../../app/timeline/edits.py" line="337"/>
        <source>Clip</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../../app/timeline/edits.py" line="151"/>
        <source>Move clip</source>
        <translation>移动片段</translation>
    </message>
    <message>
        <location filename="../../app/timeline/edits.py" line="151"/>
        <source>Move {count} clips</source>
        <translation>移动 {count} 个片段</translation>
    </message>
    <message>
        <location filename="../../app/timeline/edits.py" line="173"/>
        <source>Trim clip</source>
        <translation>修剪片段</translation>
    </message>
    <message>
        <location filename="../../app/timeline/edits.py" line="223"/>
        <source>Ripple trim</source>
        <translation>波纹修剪</translation>
    </message>
    <message>
        <location filename="../../app/timeline/edits.py" line="252"/>
        <source>Roll edit</source>
        <translation>滚动编辑</translation>
    </message>
    <message>
        <location filename="../../app/timeline/edits.py" line="271"/>
        <source>Split clip</source>
        <translation>分割片段</translation>
    </message>
    <message>
        <location filename="../../app/timeline/edits.py" line="271"/>
        <source>Split {count} clips</source>
        <translation>分割 {count} 个片段</translation>
    </message>
    <message>
        <location filename="../../app/timeline/edits.py" line="290"/>
        <source>Delete clip</source>
        <translation>删除片段</translation>
    </message>
    <message>
        <location filename="../../app/timeline/edits.py" line="290"/>
        <source>Delete {count} clips</source>
        <translation>删除 {count} 个片段</translation>
    </message>
    <message>
        <location filename="../../app/timeline/edits.py" line="301"/>
        <source>Ripple delete</source>
        <translation>波纹删除</translation>
    </message>
    <message>
        <location filename="../../app/timeline/edits.py" line="324"/>
        <source>Close gap</source>
        <translation>闭合空隙</translation>
    </message>
    <message>
        <location filename="../../app/timeline/edits.py" line="391"/>
        <source>There is no unlocked track of the right kind to paste onto.</source>
        <translation>没有类型合适且未锁定的轨道可供粘贴。</translation>
    </message>
    <message>
        <location filename="../../app/timeline/edits.py" line="393"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="101"/>
        <source>Split at Playhead</source>
        <translation>在播放头处分割</translation>
    </message>
    <message>
        <source>Split clips at the playhead (S)</source>
        <translation type="vanished">在播放头处分割片段 (S)</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="102"/>
        <source>Delete Clips</source>
        <translation>删除片段</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="103"/>
        <source>Ripple Delete</source>
        <translation>波纹删除</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="105"/>
        <source>Add/Remove Marker</source>
        <translation>添加/移除标记</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="106"/>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="107"/>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="108"/>
        <source>Zoom to Fit</source>
        <translation>缩放以适应</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="109"/>
        <source>Snapping</source>
        <translation>吸附</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="111"/>
        <source>Assemble from Storyboard</source>
        <translation>从故事板组装</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="112"/>
        <source>Build or refresh the picture, dialogue and subtitle tracks from the storyboard; manual clips are kept</source>
        <translation>根据故事板生成或刷新画面、对白和字幕轨道；手动添加的片段会保留</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="117"/>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="117"/>
        <source>Ripple</source>
        <translation>波纹</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="117"/>
        <source>Roll</source>
        <translation>滚动</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="164"/>
        <source>Marker</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="167"/>
        <source>Add Track</source>
        <translation>添加轨道</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="185"/>
        <source>Fit</source>
        <translation>适应</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="214"/>
        <source>Assembled. Manual clips moved to free tracks: %1</source>
        <translation>已组装。手动片段已移到空闲轨道：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="217"/>
        <source>Timeline assembled from the storyboard.</source>
        <translation>已根据故事板组装时间线。</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="219"/>
        <source>The timeline already matches the storyboard.</source>
        <translation>时间线已与故事板一致。</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/panel.py" line="245"/>
        <source>Duration %1</source>
        <translation>时长 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/timeline/panel.py" line="247"/>
        <source>%n selected</source>
        <translation>
            <numerusform>已选 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/timeline/panel.py" line="249"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineStructure</name>
    <message>
        <location filename="../../app/timeline/structure.py" line="66"/>
        <source>Add track “{name}”</source>
        <translation>添加轨道“{name}”</translation>
    </message>
    <message>
        <location filename="../../app/timeline/structure.py" line="72"/>
        <source>Delete track “{name}”</source>
        <translation>删除轨道“{name}”</translation>
    </message>
    <message>
        <location filename="../../app/timeline/structure.py" line="79"/>
        <source>Rename track</source>
        <translation>重命名轨道</translation>
    </message>
    <message>
        <location filename="../../app/timeline/structure.py" line="94"/>
        <source>Resize track</source>
        <translation>调整轨道高度</translation>
    </message>
    <message>
        <location filename="../../app/timeline/structure.py" line="105"/>
        <location filename="../../app/timeline/structure.py" line="123"/>
        <source>Remove marker</source>
        <translation>移除标记</translation>
    </message>
    <message>
        <location filename="../../app/timeline/structure.py" line="105"/>
        <source>Add marker</source>
        <translation>添加标记</translation>
    </message>
    <message>
        <location filename="../../app/timeline/structure.py" line="115"/>
        <source>Rename marker</source>
        <translation>重命名标记</translation>
    </message>
    <message>
        <location filename="../../app/timeline/structure.py" line="119"/>
        <source>Move marker</source>
        <translation>移动标记</translation>
    </message>
    <message>
        <location filename="../../app/timeline/structure.py" line="138"/>
        <source>Mark range</source>
        <translation>标记范围</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <location filename="../../widgets/timeline/painter.py" line="110"/>
        <source>No episode open. Open a project and pick an episode.</source>
        <translation>未打开剧集。请打开项目并选择一集。</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/painter_clips.py" line="234"/>
        <source>Clip</source>
        <translation>片段</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/painter_clips.py" line="207"/>
        <source>MEDIA OFFLINE</source>
        <translation>媒体离线</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/view_base.py" line="138"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/view_base.py" line="138"/>
        <source>Titles / overlay</source>
        <translation>标题 / 叠加</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/view_base.py" line="139"/>
        <source>Dialogue</source>
        <translation>对白</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/view_base.py" line="139"/>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/view_base.py" line="140"/>
        <source>Effects</source>
        <translation>音效</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/view_base.py" line="140"/>
        <source>Subtitles</source>
        <translation>字幕</translation>
    </message>
    <message>
        <source>Media offline: the file is missing from the project. Import it again or relink it.</source>
        <translation type="vanished">媒体离线：项目中缺少该文件。请重新导入或重新链接。</translation>
    </message>
    <message>
        <source>Gap of %1 in the picture (black frames).</source>
        <translation type="vanished">画面中有 %1 的间隙（黑帧）。</translation>
    </message>
    <message>
        <source>Take runs %1 past the end of its shot: trim it or lengthen the shot.</source>
        <translation type="vanished">录音超出镜头结尾 %1：请修剪录音或延长镜头。</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/view_editing.py" line="72"/>
        <source>The selected clips are on locked tracks.</source>
        <translation>所选片段位于已锁定的轨道上。</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/view_editing.py" line="128"/>
        <source>Split at Playhead</source>
        <translation>在播放头处分割</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/view_editing.py" line="129"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/view_editing.py" line="130"/>
        <source>Ripple Delete</source>
        <translation>波纹删除</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/view_editing.py" line="132"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/view_editing.py" line="133"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/view_editing.py" line="136"/>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/view_editing.py" line="139"/>
        <source>Enable clip</source>
        <translation>启用片段</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/view_editing.py" line="143"/>
        <source>Close Gap</source>
        <translation>关闭间隙</translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/view_drop.py" line="55"/>
        <source>A shot has no still or clip yet; generate or import one first.</source>
        <translation>该镜头还没有静帧或视频，请先生成或导入。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/timeline/view_drop.py" line="78"/>
        <source>Importing %n file(s)…</source>
        <translation>
            <numerusform>正在导入 %n 个文件…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/timeline/view_drop.py" line="85"/>
        <source>%n file(s) could not be imported: </source>
        <translation>
            <numerusform>%n 个文件无法导入：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../widgets/timeline/view_drop.py" line="102"/>
        <source>No unlocked track can hold this media.</source>
        <translation>没有可放置此媒体的未锁定轨道。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../widgets/timeline/view_drop.py" line="105"/>
        <source>Insert %n clip(s)</source>
        <translation>
            <numerusform>插入 %n 个片段</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineWarnings</name>
    <message>
        <location filename="../../app/timeline/warnings.py" line="37"/>
        <source>{start}–{end} ({frames} frames)</source>
        <translation>{start}–{end}（{frames} 帧）</translation>
    </message>
    <message>
        <location filename="../../app/timeline/warnings.py" line="68"/>
        <source>Media offline: the file is missing from the project.</source>
        <translation>媒体离线：项目中缺少该文件。</translation>
    </message>
    <message>
        <location filename="../../app/timeline/preflight.py" line="49"/>
        <location filename="../../app/timeline/warnings.py" line="77"/>
        <source>Black frames: no picture at {span}.</source>
        <translation>黑屏：{span} 没有画面。</translation>
    </message>
    <message>
        <location filename="../../app/timeline/warnings.py" line="97"/>
        <source>The take runs {frames} frames past the end of its shot ({span}): trim it or lengthen the shot.</source>
        <translation>配音比所在镜头长 {frames} 帧（{span}）：请剪短配音或加长镜头。</translation>
    </message>
    <message>
        <location filename="../../app/timeline/preflight.py" line="53"/>
        <source>Silence: no sound at all at {span}.</source>
        <translation>静音：{span} 完全没有声音。</translation>
    </message>
    <message>
        <location filename="../../app/timeline/preflight.py" line="60"/>
        <source>Subtitle “{text}” over black frames at {span}.</source>
        <translation>字幕“{text}”出现在黑屏上（{span}）。</translation>
    </message>
</context>
<context>
    <name>TrackNames</name>
    <message>
        <location filename="../../app/timeline/structure.py" line="15"/>
        <source>Picture</source>
        <translation>画面</translation>
    </message>
    <message>
        <location filename="../../app/timeline/structure.py" line="16"/>
        <source>Titles</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../app/timeline/structure.py" line="17"/>
        <source>Dialogue</source>
        <translation>对白</translation>
    </message>
    <message>
        <location filename="../../app/timeline/structure.py" line="18"/>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <location filename="../../app/timeline/structure.py" line="19"/>
        <source>Effects</source>
        <translation>音效</translation>
    </message>
    <message>
        <location filename="../../app/timeline/structure.py" line="20"/>
        <source>Subtitles</source>
        <translation>字幕</translation>
    </message>
</context>
</TS>
