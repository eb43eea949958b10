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
        <location filename="../../widgets/commands/catalog.py" line="75"/>
        <source>New series</source>
        <translation>新建剧集系列</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="76"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="77"/>
        <source>Open the demo</source>
        <translation>打开示例</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="78"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="79"/>
        <source>Save as</source>
        <translation>另存为</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="80"/>
        <source>Export episode</source>
        <translation>导出本集</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="81"/>
        <source>Export season</source>
        <translation>导出整季</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="82"/>
        <source>Close project</source>
        <translation>关闭项目</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="83"/>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="84"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="85"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="86"/>
        <source>Find in season</source>
        <translation>在整季中查找</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="87"/>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="88"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="89"/>
        <source>Reset the panel layout</source>
        <translation>重置面板布局</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="90"/>
        <source>Add episode</source>
        <translation>添加剧集</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="91"/>
        <source>Rename episode</source>
        <translation>重命名剧集</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="92"/>
        <source>Delete episode</source>
        <translation>删除剧集</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="93"/>
        <source>Previous episode</source>
        <translation>上一集</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="94"/>
        <source>Next episode</source>
        <translation>下一集</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="95"/>
        <source>Episode navigator</source>
        <translation>剧集导航</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="96"/>
        <source>About Microdrama Studio</source>
        <translation>关于微短剧工作室</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="98"/>
        <source>Break down the script into shots</source>
        <translation>把剧本拆分为镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="100"/>
        <location filename="../../widgets/commands/catalog.py" line="131"/>
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="101"/>
        <location filename="../../widgets/commands/catalog.py" line="132"/>
        <source>Shuttle backward</source>
        <translation>倒放（穿梭）</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="102"/>
        <location filename="../../widgets/commands/catalog.py" line="133"/>
        <source>Stop shuttling</source>
        <translation>停止穿梭</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="103"/>
        <location filename="../../widgets/commands/catalog.py" line="134"/>
        <source>Shuttle forward</source>
        <translation>快进（穿梭）</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="104"/>
        <source>Split at playhead</source>
        <translation>在播放头处分割</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="105"/>
        <source>Delete clips</source>
        <translation>删除片段</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="106"/>
        <source>Ripple delete</source>
        <translation>波纹删除</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="107"/>
        <source>Add or remove a marker</source>
        <translation>添加或移除标记</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="108"/>
        <location filename="../../widgets/commands/catalog.py" line="141"/>
        <source>Mark in</source>
        <translation>标记入点</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="109"/>
        <location filename="../../widgets/commands/catalog.py" line="142"/>
        <source>Mark out</source>
        <translation>标记出点</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="110"/>
        <source>Copy clips</source>
        <translation>复制片段</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="111"/>
        <source>Cut clips</source>
        <translation>剪切片段</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="112"/>
        <source>Paste clips</source>
        <translation>粘贴片段</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="113"/>
        <source>Select all clips</source>
        <translation>全选片段</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="114"/>
        <source>Clear the selection</source>
        <translation>取消选择</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="115"/>
        <source>Selection tool</source>
        <translation>选择工具</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="116"/>
        <source>Ripple edit tool</source>
        <translation>波纹编辑工具</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="117"/>
        <source>Rolling edit tool</source>
        <translation>滚动编辑工具</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="121"/>
        <source>Snapping on / off</source>
        <translation>开启 / 关闭吸附</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="118"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="119"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="120"/>
        <source>Zoom to fit</source>
        <translation>缩放以适合</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="122"/>
        <location filename="../../widgets/commands/catalog.py" line="135"/>
        <source>Previous frame</source>
        <translation>上一帧</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="123"/>
        <location filename="../../widgets/commands/catalog.py" line="136"/>
        <source>Next frame</source>
        <translation>下一帧</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="124"/>
        <location filename="../../widgets/commands/catalog.py" line="137"/>
        <source>Back one second</source>
        <translation>后退一秒</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="125"/>
        <location filename="../../widgets/commands/catalog.py" line="138"/>
        <source>Forward one second</source>
        <translation>前进一秒</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="126"/>
        <source>Previous edit point</source>
        <translation>上一个编辑点</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="127"/>
        <source>Next edit point</source>
        <translation>下一个编辑点</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="128"/>
        <location filename="../../widgets/commands/catalog.py" line="139"/>
        <source>Go to start</source>
        <translation>跳到开头</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="129"/>
        <location filename="../../widgets/commands/catalog.py" line="140"/>
        <source>Go to end</source>
        <translation>跳到结尾</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/catalog.py" line="144"/>
        <source>Record / stop the take</source>
        <translation>录制 / 停止录音</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/presets.py" line="29"/>
        <source>Microdrama (default)</source>
        <translation>微短剧（默认）</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/presets.py" line="30"/>
        <source>Premiere Pro</source>
        <translation>Premiere Pro 风格</translation>
    </message>
    <message>
        <location filename="../../widgets/commands/presets.py" line="31"/>
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
