<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>About</name>
    <message>
        <location filename="../../widgets/shell/about.py" line="26"/>
        <source>About Microdrama Studio</source>
        <translation>关于 Microdrama Studio</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/about.py" line="30"/>
        <source>Version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/about.py" line="32"/>
        <source>Make AI-generated vertical drama series on one desktop: script, storyboard, timeline, voice booth, preview and export.&lt;br&gt;&lt;br&gt;Licensed under the GNU General Public License, version 3 or later (%1). It comes with no warranty.</source>
        <translation>在一台电脑上完成 AI 竖屏短剧的全部制作：剧本、分镜、时间线、配音间、预览与导出。&lt;br&gt;&lt;br&gt;本软件依据 GNU 通用公共许可证第 3 版或更高版本（%1）授权，不提供任何担保。</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="vanished">键盘快捷键</translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="vanished">命令</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="vanished">快捷键</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../widgets/shell/actions.py" line="77"/>
        <source>&amp;New Series…</source>
        <translation>新建短剧(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="78"/>
        <source>Start a new series in a project folder</source>
        <translation>在新的项目文件夹中创建一部短剧</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="79"/>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="79"/>
        <source>Open a .mdrama project</source>
        <translation>打开 .mdrama 项目</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="80"/>
        <source>Open &amp;Demo</source>
        <translation>打开示例(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="81"/>
        <source>Create and open a demo series made on this computer</source>
        <translation>在本机生成并打开一部示例短剧</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="82"/>
        <source>&amp;Clear Recent Projects</source>
        <translation>清除最近项目(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="83"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="83"/>
        <source>Save the project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="84"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="85"/>
        <source>Copy the project, with its media, to a new folder</source>
        <translation>将项目连同素材复制到新文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="86"/>
        <source>&amp;Close Project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="87"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="88"/>
        <source>&amp;Preferences…</source>
        <translation>偏好设置(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="89"/>
        <source>&amp;Reset Layout</source>
        <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="90"/>
        <source>Put every panel back where it started</source>
        <translation>将所有面板恢复到默认位置</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="91"/>
        <source>&amp;Add Episode</source>
        <translation>添加分集(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="92"/>
        <source>Add an episode at the end of the series</source>
        <translation>在短剧末尾添加一集</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="93"/>
        <source>&amp;Rename Episode…</source>
        <translation>重命名分集(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="94"/>
        <source>&amp;Delete Episode…</source>
        <translation>删除分集(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="95"/>
        <source>&amp;Previous Episode</source>
        <translation>上一集(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="96"/>
        <source>&amp;Next Episode</source>
        <translation>下一集(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="97"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="98"/>
        <source>&amp;About Microdrama Studio</source>
        <translation>关于 Microdrama Studio(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="124"/>
        <source>&amp;Undo %1</source>
        <translation>撤销“%1”(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="125"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="126"/>
        <source>&amp;Redo %1</source>
        <translation>重做“%1”(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/actions.py" line="127"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="55"/>
        <source>An episode could not be read</source>
        <translation>有一集无法读取</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="107"/>
        <source>Opening the last saved version keeps the autosave, so it is offered again next time.</source>
        <translation>如果打开上次保存的版本，自动保存会保留下来，下次打开时还会再次询问。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="126"/>
        <location filename="../../widgets/shell/project_controller.py" line="129"/>
        <location filename="../../widgets/shell/project_controller.py" line="133"/>
        <source>Could not open the project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="134"/>
        <source>%1 could not be opened because of an unexpected error (%2). Nothing in the project was changed.</source>
        <translation>由于意外错误（%2），无法打开 %1。项目中的任何内容都没有被改动。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="139"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="147"/>
        <source>Project opened read-only</source>
        <translation>项目以只读方式打开</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="152"/>
        <source>… and %1 more</source>
        <translation>……以及另外 %1 个</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="154"/>
        <source>Some media files are missing</source>
        <translation>部分素材文件缺失</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="155"/>
        <source>%1 files used by this project are missing or point outside its folder. Their clips and cards show as offline until the files are put back or regenerated:</source>
        <translation>本项目用到的 %1 个文件缺失，或指向项目文件夹之外。在放回文件或重新生成之前，相关片段和卡片会显示为离线：</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="174"/>
        <location filename="../../widgets/shell/project_controller.py" line="177"/>
        <source>Could not create the series</source>
        <translation>无法创建短剧</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="178"/>
        <source>%1: %2. Choose another location.</source>
        <translation>%1：%2。请选择其他位置。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="204"/>
        <source>Creating the demo series…</source>
        <translation>正在生成示例短剧…</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="214"/>
        <source>Could not create the demo</source>
        <translation>无法生成示例</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="228"/>
        <location filename="../../widgets/shell/project_controller.py" line="250"/>
        <location filename="../../widgets/shell/project_controller.py" line="267"/>
        <location filename="../../widgets/shell/project_controller.py" line="276"/>
        <source>Could not save the project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="230"/>
        <location filename="../../widgets/shell/project_controller.py" line="271"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="242"/>
        <source>Save Project As</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="251"/>
        <source>%1 already exists. Choose a name that is not taken.</source>
        <translation>%1 已存在，请换一个未被占用的名称。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="256"/>
        <source>Copying the project to %1…</source>
        <translation>正在将项目复制到 %1…</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/project_controller.py" line="277"/>
        <source>Copying to %1 failed: %2. The original project is unchanged.</source>
        <translation>复制到 %1 失败：%2。原项目没有任何改动。</translation>
    </message>
</context>
<context>
    <name>DockLayout</name>
    <message>
        <location filename="../../widgets/shell/dock_layout.py" line="106"/>
        <source>This panel could not be loaded</source>
        <translation>此面板无法加载</translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <location filename="../../widgets/docks.py" line="29"/>
        <source>Script</source>
        <translation>剧本</translation>
    </message>
    <message>
        <location filename="../../widgets/docks.py" line="30"/>
        <source>Storyboard</source>
        <translation>分镜</translation>
    </message>
    <message>
        <location filename="../../widgets/docks.py" line="31"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <location filename="../../widgets/docks.py" line="32"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../widgets/docks.py" line="33"/>
        <source>Voice Booth</source>
        <translation>配音间</translation>
    </message>
    <message>
        <location filename="../../widgets/docks.py" line="35"/>
        <source>Jobs</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../widgets/docks.py" line="36"/>
        <source>Provenance</source>
        <translation>来源记录</translation>
    </message>
</context>
<context>
    <name>EmptyPanels</name>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="54"/>
        <source>No project open</source>
        <translation>没有打开的项目</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="60"/>
        <source>This series has no episodes</source>
        <translation>这部短剧还没有分集</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="61"/>
        <source>Add an episode to start writing, boarding and cutting it.</source>
        <translation>添加一集，开始编写剧本、绘制分镜和剪辑。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="81"/>
        <source>Episode %1</source>
        <translation>第 %1 集</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="98"/>
        <source>Write each episode&apos;s screenplay in Fountain and break it down into scenes, shots and dialogue lines.</source>
        <translation>用 Fountain 格式撰写每一集的剧本，并拆解为场景、镜头和台词。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="105"/>
        <source>%1 has no script yet</source>
        <translation>%1还没有剧本</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="106"/>
        <source>The screenplay of this episode, in Fountain, is written here; its breakdown fills the storyboard.</source>
        <translation>在这里用 Fountain 格式撰写本集剧本，拆解结果会填入分镜。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="109"/>
        <source>%1 · %2 script lines</source>
        <translation>%1 · 剧本 %2 行</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="111"/>
        <source>%1 scenes, %2 shots in the breakdown.</source>
        <translation>拆解结果：%1 个场景，%2 个镜头。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="119"/>
        <source>Lay out every shot of an episode as a card with its still, clip, camera notes and dialogue.</source>
        <translation>把一集的每个镜头排成卡片，附带静帧、视频片段、镜头说明和台词。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="127"/>
        <source>No shots in %1 yet</source>
        <translation>%1还没有镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="128"/>
        <source>Break the script down into shots; each shot becomes a card here with its image and motion prompts.</source>
        <translation>将剧本拆解为镜头，每个镜头会在这里成为一张卡片，附带画面和运动提示词。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="130"/>
        <source>%1 shots in %2</source>
        <translation>%2共 %1 个镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="132"/>
        <source>%1 of them have a chosen still, %2 a chosen clip.</source>
        <translation>其中 %1 个已选定静帧，%2 个已选定视频片段。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="141"/>
        <source>Cut an episode frame by frame on picture, dialogue, music, effects and subtitle tracks.</source>
        <translation>在画面、对白、音乐、音效和字幕轨道上逐帧剪辑一集。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="149"/>
        <source>The timeline of %1 is empty</source>
        <translation>%1的时间线是空的</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="150"/>
        <source>Shots with a chosen still or clip are placed here in story order; voice takes and music go on their own tracks.</source>
        <translation>已选定静帧或视频片段的镜头会按剧情顺序放在这里，配音和音乐各占独立轨道。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="152"/>
        <source>%1 clips on %2 tracks</source>
        <translation>%2 条轨道上共 %1 个片段</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="160"/>
        <source>Play an episode in 9:16 with its sound, exactly as it will be exported.</source>
        <translation>以 9:16 画幅带声音播放一集，效果与导出完全一致。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="167"/>
        <source>Nothing to play yet</source>
        <translation>暂无可播放内容</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="168"/>
        <source>Place shots on the timeline of %1 to preview it here.</source>
        <translation>把镜头放到%1的时间线上，即可在这里预览。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="177"/>
        <source>Record every line of dialogue take by take, against picture, and choose the best take.</source>
        <translation>对着画面逐条录制每句台词，可录多条，并挑选最佳一条。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="185"/>
        <source>No dialogue to record in %1</source>
        <translation>%1没有需要录制的台词</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="186"/>
        <source>Dialogue lines come from the script breakdown; each one can be recorded here.</source>
        <translation>台词来自剧本拆解，每一句都可以在这里录制。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="189"/>
        <source>%1 of %2 lines recorded</source>
        <translation>已录制 %1 / %2 句台词</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="197"/>
        <source>Follow generations, renders and other long work, with progress and a way to cancel each one.</source>
        <translation>跟踪生成、渲染等耗时任务的进度，并可随时取消其中任何一项。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="203"/>
        <source>No jobs</source>
        <translation>没有任务</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="204"/>
        <source>Image, video and voice generations and exports of this series will be listed here while they run.</source>
        <translation>本短剧的图像、视频、语音生成和导出任务运行时会列在这里。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/empty_panels.py" line="206"/>
        <source>%1 jobs in this series</source>
        <translation>本短剧共有 %1 个任务</translation>
    </message>
</context>
<context>
    <name>Episodes</name>
    <message>
        <location filename="../../widgets/shell/episodes.py" line="22"/>
        <source>Ep %1</source>
        <translation>第%1集</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/episodes.py" line="31"/>
        <source>Add Episode %1</source>
        <translation>添加第 %1 集</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/episodes.py" line="39"/>
        <source>Rename Episode %1</source>
        <translation>重命名第 %1 集</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/episodes.py" line="47"/>
        <source>Delete Episode %1</source>
        <translation>删除第 %1 集</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/episodes.py" line="48"/>
        <source>Delete Episode</source>
        <translation>删除分集</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/episodes.py" line="50"/>
        <source>Renumber Episode</source>
        <translation>重新编号分集</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../widgets/main_window.py" line="142"/>
        <source>(read-only)</source>
        <translation>（只读）</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="189"/>
        <source>Rename Episode</source>
        <translation>重命名分集</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="190"/>
        <source>Title of episode %1:</source>
        <translation>第 %1 集的标题：</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="200"/>
        <source>Delete Episode</source>
        <translation>删除分集</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="201"/>
        <source>Delete &quot;%1&quot; with its script, shots and timeline? You can undo this with Edit ▸ Undo.</source>
        <translation>要删除“%1”及其剧本、镜头和时间线吗？可以通过“编辑 ▸ 撤销”恢复。</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="203"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="224"/>
        <source>Episode</source>
        <translation>分集</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="225"/>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../widgets/main_window.py" line="238"/>
        <source>Wait until the project is copied or created, then close again.</source>
        <translation>请等项目复制或创建完成后再关闭。</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../widgets/shell/menus.py" line="117"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/menus.py" line="117"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/menus.py" line="118"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/menus.py" line="118"/>
        <source>E&amp;pisode</source>
        <translation>分集(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/menus.py" line="119"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/menus.py" line="119"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/menus.py" line="123"/>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/menus.py" line="124"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/menus.py" line="125"/>
        <source>&amp;Switch to Episode</source>
        <translation>切换分集(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/menus.py" line="126"/>
        <source>Show &amp;Jobs</source>
        <translation>显示任务(&amp;J)</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/menus.py" line="147"/>
        <source>No Recent Projects</source>
        <translation>没有最近项目</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/menus.py" line="159"/>
        <source>Same as the System</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/menus.py" line="180"/>
        <source>No Episodes</source>
        <translation>没有分集</translation>
    </message>
</context>
<context>
    <name>NewSeries</name>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="43"/>
        <source>New Series</source>
        <translation>新建短剧</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="46"/>
        <source>e.g. The CEO&apos;s Secret Twin</source>
        <translation>例如：总裁的秘密双胞胎</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="48"/>
        <source>e.g. The Contract</source>
        <translation>例如：契约</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="50"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="62"/>
        <source>The language the screenplay is written in; AI writing, breakdowns and prompts follow it.</source>
        <translation>剧本使用的语言；AI 写作、拆解和提示词都会跟随它。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="66"/>
        <source>Vertical 9:16 (1080×1920)</source>
        <translation>竖屏 9:16（1080×1920）</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="67"/>
        <source>Portrait 3:4 (1080×1440)</source>
        <translation>竖版 3:4（1080×1440）</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="68"/>
        <source>Square 1:1 (1080×1080)</source>
        <translation>方形 1:1（1080×1080）</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="69"/>
        <source>Landscape 16:9 (1920×1080)</source>
        <translation>横屏 16:9（1920×1080）</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="73"/>
        <source>%1 fps</source>
        <translation>%1 帧/秒</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="80"/>
        <source>Series title:</source>
        <translation>短剧标题：</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="81"/>
        <source>First episode:</source>
        <translation>第一集标题：</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="82"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="83"/>
        <source>Picture:</source>
        <translation>画面：</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="84"/>
        <source>Frame rate:</source>
        <translation>帧率：</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="85"/>
        <source>Location:</source>
        <translation>保存位置：</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="89"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="113"/>
        <source>Choose a Folder</source>
        <translation>选择文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="121"/>
        <source>Give the series a title.</source>
        <translation>请为短剧填写标题。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="123"/>
        <source>Choose where the project folder goes.</source>
        <translation>请选择项目文件夹的存放位置。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="125"/>
        <source>A project with this name already exists there.</source>
        <translation>该位置已有同名项目。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/new_series.py" line="127"/>
        <source>The project will be created as %1</source>
        <translation>项目将创建为 %1</translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <location filename="../../widgets/shell/preferences.py" line="47"/>
        <source>Preferences</source>
        <translation>偏好设置</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/preferences.py" line="50"/>
        <source>Same as the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/preferences.py" line="55"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/preferences.py" line="63"/>
        <source>Language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/preferences.py" line="64"/>
        <source>New projects go in:</source>
        <translation>新项目存放位置：</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/preferences.py" line="74"/>
        <source>Choose a Folder</source>
        <translation>选择文件夹</translation>
    </message>
</context>
<context>
    <name>Prompts</name>
    <message>
        <location filename="../../widgets/shell/prompts.py" line="71"/>
        <source>The project file is damaged</source>
        <translation>项目文件已损坏</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/prompts.py" line="72"/>
        <source>Open Backup</source>
        <translation>打开备份</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/prompts.py" line="87"/>
        <source>Unsaved changes</source>
        <translation>有未保存的更改</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/prompts.py" line="88"/>
        <source>Save the changes to &quot;%1&quot; before closing it?</source>
        <translation>关闭前要保存对“%1”的更改吗？</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/prompts.py" line="89"/>
        <source>If you don&apos;t save, the changes since the last save are lost.</source>
        <translation>如果不保存，上次保存之后的更改将会丢失。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/prompts.py" line="91"/>
        <source>Don&apos;t Save</source>
        <translation>不保存</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/prompts.py" line="103"/>
        <source>Recover unsaved work?</source>
        <translation>要恢复未保存的工作吗？</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/prompts.py" line="104"/>
        <source>&quot;%1&quot; was not closed properly. An autosave with changes that were never saved was found.</source>
        <translation>“%1”上次没有正常关闭。找到了一份包含未保存更改的自动保存。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/prompts.py" line="107"/>
        <source>Recover Autosave</source>
        <translation>恢复自动保存</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/prompts.py" line="108"/>
        <source>Open Last Saved</source>
        <translation>打开上次保存的版本</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/prompts.py" line="120"/>
        <source>Project in use</source>
        <translation>项目正在使用中</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/prompts.py" line="123"/>
        <source>Close it in the other window first, then open it again.</source>
        <translation>请先在另一个窗口中关闭它，然后再打开。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/prompts.py" line="128"/>
        <source>If the editor that holds it is no longer running (for example its computer crashed), you can take the project over. If it is still running, two editors saving the same project overwrite each other&apos;s work.</source>
        <translation>如果占用它的编辑器已不在运行（例如那台电脑崩溃了），你可以接管这个项目。如果它仍在运行，两个编辑器保存同一个项目会互相覆盖对方的工作。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/prompts.py" line="132"/>
        <source>Open Anyway</source>
        <translation>仍然打开</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/prompts.py" line="143"/>
        <source>Open Project (a .mdrama folder)</source>
        <translation>打开项目（.mdrama 文件夹）</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/prompts.py" line="148"/>
        <source>Microdrama projects (*.mdrama)</source>
        <translation>Microdrama 项目 (*.mdrama)</translation>
    </message>
</context>
<context>
    <name>ShellStatus</name>
    <message>
        <location filename="../../widgets/shell/status.py" line="60"/>
        <source>{width}×{height} · {fps} fps</source>
        <translation>{width}×{height} · {fps} 帧/秒</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../widgets/shell/status.py" line="57"/>
        <source>No episode</source>
        <translation>没有分集</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/status.py" line="59"/>
        <source>Duration %1</source>
        <translation>时长 %1</translation>
    </message>
</context>
<context>
    <name>ViewKeys</name>
    <message>
        <source>Timeline</source>
        <translation type="vanished">时间线</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation type="vanished">播放 / 暂停</translation>
    </message>
    <message>
        <source>Shuttle back / stop / forward</source>
        <translation type="vanished">倒放 / 停止 / 快进</translation>
    </message>
    <message>
        <source>Split at playhead</source>
        <translation type="vanished">在播放头处分割</translation>
    </message>
    <message>
        <source>Delete clips</source>
        <translation type="vanished">删除片段</translation>
    </message>
    <message>
        <source>Ripple delete</source>
        <translation type="vanished">波纹删除</translation>
    </message>
    <message>
        <source>Add or remove a marker</source>
        <translation type="vanished">添加或移除标记</translation>
    </message>
    <message>
        <source>Select / ripple / roll tool</source>
        <translation type="vanished">选择 / 波纹 / 滚动工具</translation>
    </message>
    <message>
        <source>Copy, cut, paste clips</source>
        <translation type="vanished">复制、剪切、粘贴片段</translation>
    </message>
    <message>
        <source>Select all clips</source>
        <translation type="vanished">全选片段</translation>
    </message>
    <message>
        <source>Previous / next frame</source>
        <translation type="vanished">上一帧 / 下一帧</translation>
    </message>
    <message>
        <source>Back / forward one second</source>
        <translation type="vanished">后退 / 前进一秒</translation>
    </message>
    <message>
        <source>Previous / next edit point</source>
        <translation type="vanished">上一个 / 下一个剪辑点</translation>
    </message>
    <message>
        <source>Go to start / end</source>
        <translation type="vanished">跳到开头 / 结尾</translation>
    </message>
    <message>
        <source>Zoom in / out / fit</source>
        <translation type="vanished">放大 / 缩小 / 适应</translation>
    </message>
    <message>
        <source>Ripple trim / roll trim</source>
        <translation type="vanished">波纹修剪 / 滚动修剪</translation>
    </message>
    <message>
        <source>Clear the selection</source>
        <translation type="vanished">取消选择</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="vanished">预览</translation>
    </message>
    <message>
        <source>Mark in / out</source>
        <translation type="vanished">标记入点 / 出点</translation>
    </message>
    <message>
        <source>Voice Booth</source>
        <translation type="vanished">配音间</translation>
    </message>
    <message>
        <source>Record / stop the take</source>
        <translation type="vanished">录制 / 停止本条</translation>
    </message>
</context>
<context>
    <name>Welcome</name>
    <message>
        <location filename="../../widgets/shell/welcome.py" line="113"/>
        <source>Write, board, voice and cut vertical drama series with AI, from the first idea to the exported episode.</source>
        <translation>借助 AI 完成竖屏短剧的编剧、分镜、配音与剪辑，从最初的灵感到导出成片。</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/welcome.py" line="115"/>
        <source>START</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/welcome.py" line="116"/>
        <source>RECENT PROJECTS</source>
        <translation>最近项目</translation>
    </message>
    <message>
        <location filename="../../widgets/shell/welcome.py" line="117"/>
        <source>Projects you open appear here.</source>
        <translation>打开过的项目会显示在这里。</translation>
    </message>
</context>
<context>
    <name>WidgetsApplication</name>
    <message>
        <location filename="../../widgets/application.py" line="27"/>
        <source>--size {text!r} is not WIDTHxHEIGHT, e.g. 1600x1000.</source>
        <translation>--size {text!r} 不是 宽x高 格式，例如 1600x1000。</translation>
    </message>
    <message>
        <location filename="../../widgets/application.py" line="29"/>
        <source>--size {text!r} is out of range (320x240 to 8192x8192).</source>
        <translation>--size {text!r} 超出范围（320x240 到 8192x8192）。</translation>
    </message>
    <message>
        <location filename="../../widgets/application.py" line="73"/>
        <source>{path} does not exist. Give the path of a .mdrama project folder.</source>
        <translation>{path} 不存在。请给出 .mdrama 项目文件夹的路径。</translation>
    </message>
</context>
</TS>
