<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Commands</name>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="35"/>
        <source>Everywhere</source>
        <translation>全局</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="36"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="37"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="38"/>
        <source>Voice Booth</source>
        <translation>录音棚</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="39"/>
        <source>Script</source>
        <translation>剧本</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="116"/>
        <source>New series</source>
        <translation>新建剧集系列</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="117"/>
        <source>&amp;New Series…</source>
        <translation>新建短剧(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="118"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="119"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="120"/>
        <source>Open the demo</source>
        <translation>打开示例</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="121"/>
        <source>Open &amp;Demo</source>
        <translation>打开示例(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="122"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="123"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="124"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="125"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="126"/>
        <source>Export episode</source>
        <translation>导出本集</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="127"/>
        <source>Export season</source>
        <translation>导出整季</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="128"/>
        <source>Export &amp;Season…</source>
        <translation>导出整季(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="129"/>
        <source>Export several episodes one after another</source>
        <translation>依次导出多集</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="130"/>
        <source>Close project</source>
        <translation>关闭项目</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="131"/>
        <source>&amp;Close Project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="132"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="133"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="134"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="135"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="136"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="137"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="138"/>
        <source>Find in season</source>
        <translation>在整季中查找</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="139"/>
        <source>&amp;Find in Season…</source>
        <translation>在整季中查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="140"/>
        <source>Find a character, a line or a shot in any episode</source>
        <translation>在任意一集中查找角色、台词或镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="141"/>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="142"/>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="143"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="144"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="145"/>
        <source>Reset the panel layout</source>
        <translation>重置面板布局</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="146"/>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="147"/>
        <source>Add episode</source>
        <translation>添加剧集</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="148"/>
        <source>&amp;Add Episode</source>
        <translation>添加分集(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="149"/>
        <source>Rename episode</source>
        <translation>重命名剧集</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="150"/>
        <source>&amp;Rename Episode…</source>
        <translation>重命名分集(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="151"/>
        <source>Delete episode</source>
        <translation>删除剧集</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="152"/>
        <source>&amp;Delete Episode…</source>
        <translation>删除分集(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="153"/>
        <source>Previous episode</source>
        <translation>上一集</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="154"/>
        <source>&amp;Previous Episode</source>
        <translation>上一集(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="155"/>
        <source>Next episode</source>
        <translation>下一集</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="156"/>
        <source>&amp;Next Episode</source>
        <translation>下一集(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="157"/>
        <source>Episode navigator</source>
        <translation>剧集导航</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="158"/>
        <source>Episode &amp;Navigator…</source>
        <translation>剧集导航(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="159"/>
        <source>Every episode of the season with its script, board, pictures, voices and export state</source>
        <translation>查看整季每一集的剧本、分镜、画面、配音与导出进度</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="160"/>
        <source>About Microdrama Studio</source>
        <translation>关于微短剧工作室</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="161"/>
        <source>&amp;About Microdrama Studio</source>
        <translation>关于 Microdrama Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="163"/>
        <source>Break down the script into shots</source>
        <translation>把剧本拆分为镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="165"/>
        <location filename="../../widgets/commands/catalog.py" line="220"/>
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="166"/>
        <location filename="../../widgets/commands/catalog.py" line="221"/>
        <source>Shuttle backward</source>
        <translation>倒放（穿梭）</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="167"/>
        <location filename="../../widgets/commands/catalog.py" line="222"/>
        <source>Stop shuttling</source>
        <translation>停止穿梭</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="168"/>
        <location filename="../../widgets/commands/catalog.py" line="223"/>
        <source>Shuttle forward</source>
        <translation>快进（穿梭）</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="169"/>
        <source>Split at playhead</source>
        <translation>在播放头处分割</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="170"/>
        <source>Split at Playhead</source>
        <translation>在播放头处分割</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="171"/>
        <source>Delete clips</source>
        <translation>删除片段</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="172"/>
        <source>Delete Clips</source>
        <translation>删除片段</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="173"/>
        <source>Ripple delete</source>
        <translation>波纹删除</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="174"/>
        <source>Ripple Delete</source>
        <translation>波纹删除</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="175"/>
        <source>Add or remove a marker</source>
        <translation>添加或移除标记</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="176"/>
        <source>Add/Remove Marker</source>
        <translation>添加/移除标记</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="177"/>
        <location filename="../../widgets/commands/catalog.py" line="230"/>
        <source>Mark in</source>
        <translation>标记入点</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="178"/>
        <location filename="../../widgets/commands/catalog.py" line="231"/>
        <source>Mark out</source>
        <translation>标记出点</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="180"/>
        <source>Cut</source>
        <translation>剪切</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="181"/>
        <source>Copy clips</source>
        <translation>复制片段</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="179"/>
        <source>Cut clips</source>
        <translation>剪切片段</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="183"/>
        <source>Paste clips</source>
        <translation>粘贴片段</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="195"/>
        <source>Select all clips</source>
        <translation>全选片段</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="196"/>
        <source>Clear the selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="197"/>
        <source>Selection tool</source>
        <translation>选择工具</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="199"/>
        <source>Ripple edit tool</source>
        <translation>波纹编辑工具</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="201"/>
        <source>Rolling edit tool</source>
        <translation>滚动编辑工具</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="209"/>
        <source>Snapping on / off</source>
        <translation>开启 / 关闭吸附</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="203"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="182"/>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="184"/>
        <source>Paste</source>
        <translation>粘贴</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="185"/>
        <source>Enable or disable clips</source>
        <translation>启用或停用片段</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="186"/>
        <source>Enabled</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="187"/>
        <source>A disabled clip stays on the timeline but is not seen or heard</source>
        <translation>停用的片段留在时间线上，但不显示也不发声</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="188"/>
        <source>Close the gap</source>
        <translation>闭合间隙</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="189"/>
        <source>Close Gap</source>
        <translation>闭合间隙</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="190"/>
        <source>Move the later clips of the track left to fill the gap</source>
        <translation>把本轨道后面的片段左移，填满间隙</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="191"/>
        <source>Assemble from the storyboard</source>
        <translation>从故事板组装时间线</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="192"/>
        <source>Assemble from Storyboard</source>
        <translation>从故事板组装</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="193"/>
        <source>Build or refresh the picture, dialogue and subtitle tracks from the storyboard; manual clips are kept</source>
        <translation>根据故事板生成或刷新画面、对白和字幕轨道；手动添加的片段会保留</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="198"/>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="200"/>
        <source>Ripple</source>
        <translation>波纹</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="202"/>
        <source>Roll</source>
        <translation>滚动</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="204"/>
        <source>Zoom In</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="205"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="206"/>
        <source>Zoom Out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="207"/>
        <source>Zoom to fit</source>
        <translation>缩放以适合</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="208"/>
        <source>Zoom to Fit</source>
        <translation>缩放以适应</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="210"/>
        <source>Snapping</source>
        <translation>吸附</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="211"/>
        <location filename="../../widgets/commands/catalog.py" line="224"/>
        <source>Previous frame</source>
        <translation>上一帧</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="212"/>
        <location filename="../../widgets/commands/catalog.py" line="225"/>
        <source>Next frame</source>
        <translation>下一帧</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="213"/>
        <location filename="../../widgets/commands/catalog.py" line="226"/>
        <source>Back one second</source>
        <translation>后退一秒</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="214"/>
        <location filename="../../widgets/commands/catalog.py" line="227"/>
        <source>Forward one second</source>
        <translation>前进一秒</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="215"/>
        <source>Previous edit point</source>
        <translation>上一个编辑点</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="216"/>
        <source>Next edit point</source>
        <translation>下一个编辑点</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="217"/>
        <location filename="../../widgets/commands/catalog.py" line="228"/>
        <source>Go to start</source>
        <translation>跳到开头</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="218"/>
        <location filename="../../widgets/commands/catalog.py" line="229"/>
        <source>Go to end</source>
        <translation>跳到结尾</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="233"/>
        <source>Record / stop the take</source>
        <translation>录制 / 停止录音</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/presets.py" line="30"/>
        <source>Microdrama (default)</source>
        <translation>微短剧（默认）</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/presets.py" line="31"/>
        <source>Premiere Pro</source>
        <translation>Premiere Pro 风格</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/presets.py" line="32"/>
        <source>DaVinci Resolve</source>
        <translation>DaVinci Resolve 达芬奇</translation>
    </message>
</context>
<context>
    <name>KeyboardShortcutsDialog</name>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="54"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="66"/>
        <source>Search commands or keys</source>
        <translation>搜索命令或按键</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="69"/>
        <source>Preset:</source>
        <translation>预设：</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="75"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="75"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="99"/>
        <source>Click here and press the new key</source>
        <translation>点击此处并按下新按键</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="101"/>
        <source>No Key</source>
        <translation>无按键</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="103"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="104"/>
        <source>Give this command the preset&apos;s key again</source>
        <translation>恢复此命令在预设中的按键</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="116"/>
        <source>Reset All</source>
        <translation>全部重置</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="118"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="120"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="153"/>
        <source>“%1” works everywhere as %2, but means %3 while the %4 has the focus.</source>
        <translation>“%1”在全局表示“%2”，但在%4获得焦点时表示“%3”。</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="157"/>
        <source>“%1” is given to %2 in %3.</source>
        <translation>“%1”在%3中同时分配给了：%2。</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="158"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="189"/>
        <source>Pick a command to change its key.</source>
        <translation>选择一个命令以更改其按键。</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="192"/>
        <source>%1 (%2):</source>
        <translation>%1（%2）：</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="226"/>
        <source>Import Keyboard Shortcuts</source>
        <translation>导入键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="227"/>
        <location filename="../../widgets/commands/dialog.py" line="246"/>
        <source>Keymap (*.json)</source>
        <translation>快捷键方案 (*.json)</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="235"/>
        <source>%1 is not a keymap file.</source>
        <translation>%1 不是快捷键方案文件。</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/dialog.py" line="245"/>
        <source>Export Keyboard Shortcuts</source>
        <translation>导出键盘快捷键</translation>
    </message>
</context>
</TS>
