<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BibleDialog</name>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="44"/>
        <source>Series Bible</source>
        <translation>剧集设定</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="61"/>
        <source>Simplified Chinese</source>
        <translation>简体中文</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="62"/>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="65"/>
        <source>Series title</source>
        <translation>剧名</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="66"/>
        <source>Premise</source>
        <translation>故事梗概</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="67"/>
        <source>Genre</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="68"/>
        <source>Tone</source>
        <translation>基调</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="69"/>
        <source>Visual style</source>
        <translation>视觉风格</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="70"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="71"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="72"/>
        <source>Story</source>
        <translation>故事</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="74"/>
        <location filename="../../widgets/script/bible_dialog.py" line="85"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="74"/>
        <location filename="../../widgets/script/bible_dialog.py" line="85"/>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="74"/>
        <source>Voice actor</source>
        <translation>配音演员</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="75"/>
        <source>Speech voice</source>
        <translation>合成音色</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="75"/>
        <source>References</source>
        <translation>参考图</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="79"/>
        <source>Characters</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="89"/>
        <source>Locations</source>
        <translation>场景地点</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="111"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="111"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="112"/>
        <source>Add Reference Image…</source>
        <translation>添加参考图…</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="145"/>
        <source>New character</source>
        <translation>新角色</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="158"/>
        <source>New location</source>
        <translation>新地点</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="173"/>
        <location filename="../../widgets/script/bible_dialog.py" line="201"/>
        <source>Reference images</source>
        <translation>参考图</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="174"/>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>图片 (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="212"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="212"/>
        <source>OK</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="230"/>
        <source>Edit series bible</source>
        <translation>编辑剧集设定</translation>
    </message>
</context>
<context>
    <name>CameraTerms</name>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="15"/>
        <source>extreme wide</source>
        <translation>大远景</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="15"/>
        <source>wide</source>
        <translation>远景</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="16"/>
        <source>full</source>
        <translation>全景</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="16"/>
        <source>medium</source>
        <translation>中景</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="17"/>
        <source>medium close-up</source>
        <translation>中近景</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="17"/>
        <source>close-up</source>
        <translation>特写</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="18"/>
        <source>extreme close-up</source>
        <translation>大特写</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="18"/>
        <source>two-shot</source>
        <translation>双人镜头</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="19"/>
        <source>over-the-shoulder</source>
        <translation>过肩镜头</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="19"/>
        <source>insert</source>
        <translation>插入镜头</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="22"/>
        <source>eye level</source>
        <translation>平视</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="22"/>
        <source>low angle</source>
        <translation>仰拍</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="23"/>
        <source>high angle</source>
        <translation>俯拍</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="23"/>
        <source>bird&apos;s eye</source>
        <translation>鸟瞰</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="24"/>
        <source>dutch angle</source>
        <translation>斜角</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="27"/>
        <source>static</source>
        <translation>固定镜头</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="27"/>
        <source>slow push in</source>
        <translation>缓慢推近</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="28"/>
        <source>pull out</source>
        <translation>拉远</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="28"/>
        <source>pan</source>
        <translation>摇镜</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="29"/>
        <source>tilt</source>
        <translation>俯仰摇</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="29"/>
        <source>handheld</source>
        <translation>手持</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="30"/>
        <source>dolly</source>
        <translation>移动轨道</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="30"/>
        <source>orbit</source>
        <translation>环绕</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/camera_terms.py" line="31"/>
        <source>crane up</source>
        <translation>升降上摇</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../app/script/writing.py" line="124"/>
        <source>{count} characters</source>
        <translation>{count} 个字</translation>
    </message>
</context>
<context>
    <name>ScriptBibleDialog</name>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="232"/>
        <source>Rename series</source>
        <translation>重命名剧集</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="233"/>
        <source>Edit bible</source>
        <translation>编辑剧集设定</translation>
    </message>
    <message>
        <location filename="../../widgets/script/bible_dialog.py" line="237"/>
        <source>Edit cast</source>
        <translation>编辑角色表</translation>
    </message>
</context>
<context>
    <name>ScriptChecks</name>
    <message>
        <location filename="../../app/script/checks.py" line="30"/>
        <source>Shot {code}: its dialogue needs about {needed:.1f} s but the shot lasts {value:.1f} s. Lengthen the shot or cut the line.</source>
        <translation>镜头 {code}：对白约需 {needed:.1f} 秒，但镜头只有 {value:.1f} 秒。请延长镜头或删减台词。</translation>
    </message>
    <message>
        <location filename="../../app/script/checks.py" line="32"/>
        <source>Shot {code} has no picture yet: generate or import a still or a clip.</source>
        <translation>镜头 {code} 还没有画面：请生成或导入静帧或视频片段。</translation>
    </message>
    <message>
        <location filename="../../app/script/checks.py" line="40"/>
        <source>{name} has no reference image, so AI pictures may not look alike from shot to shot.</source>
        <translation>{name} 没有参考图，AI 画面在不同镜头间可能长得不一样。</translation>
    </message>
    <message>
        <location filename="../../app/script/checks.py" line="42"/>
        <source>{count} reference image(s) of {name} are missing from the project.</source>
        <translation>项目中缺少 {name} 的 {count} 张参考图。</translation>
    </message>
</context>
<context>
    <name>ScriptLlmBreakdown</name>
    <message>
        <location filename="../../app/script/llm_breakdown.py" line="64"/>
        <source>The language model did not answer with a shot list (no JSON object). Try again, or break down without AI.</source>
        <translation>语言模型没有返回分镜列表（没有 JSON 对象）。请重试，或不用 AI 拆解。</translation>
    </message>
    <message>
        <location filename="../../app/script/llm_breakdown.py" line="68"/>
        <source>The language model&apos;s shot list is not valid JSON ({msg} at character {pos}). Try again, or break down without AI.</source>
        <translation>语言模型返回的分镜列表不是有效的 JSON（第 {pos} 个字符处：{msg}）。请重试，或不用 AI 拆解。</translation>
    </message>
    <message>
        <location filename="../../app/script/llm_breakdown.py" line="70"/>
        <source>The language model&apos;s answer has no &quot;scenes&quot; list. Try again, or break down without AI.</source>
        <translation>语言模型的回答中没有 &quot;scenes&quot; 列表。请重试，或不用 AI 拆解。</translation>
    </message>
    <message>
        <location filename="../../app/script/llm_breakdown.py" line="118"/>
        <source>The language model returned no shots. Try again, or break down without AI.</source>
        <translation>语言模型没有返回任何镜头。请重试，或不用 AI 拆解。</translation>
    </message>
    <message>
        <location filename="../../app/script/llm_breakdown.py" line="142"/>
        <source>The text provider {provider_name} could not break the script down: {exc}</source>
        <translation>文本服务商 {provider_name} 无法拆解剧本：{exc}</translation>
    </message>
</context>
<context>
    <name>ScriptPanel</name>
    <message>
        <location filename="../../widgets/script/panel.py" line="73"/>
        <source>INT. PLACE - DAY

Action.

CHARACTER
Dialogue.

（中文剧本也可以：1. 内景 地点 - 日 / 林晓：台词）</source>
        <translation>1. 内景 地点 - 日

动作描述。

林晓：台词。

（也可以用英文 Fountain 格式：INT. PLACE - DAY / CHARACTER）</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="111"/>
        <source>Write with AI</source>
        <translation>AI 写作</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="170"/>
        <source>Break Down</source>
        <translation>拆分镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="173"/>
        <source>Break Down Without AI</source>
        <translation>不用 AI 拆解</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="175"/>
        <source>One shot per beat, by rule: no language model, nothing to pay</source>
        <translation>按规则每个节拍一个镜头：不调用语言模型，不产生费用</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="176"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="177"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="178"/>
        <source>Write This Episode</source>
        <translation>写本集剧本</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="179"/>
        <source>Season Outline…</source>
        <translation>季大纲…</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="180"/>
        <source>Rewrite Selection: Sharper Hook</source>
        <translation>改写选中内容：更强开场钩子</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="182"/>
        <source>Rewrite Selection: Cliffhanger Ending</source>
        <translation>改写选中内容：悬念结尾</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="184"/>
        <source>Rewrite Selection…</source>
        <translation>改写选中内容…</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="185"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="187"/>
        <source>Series Bible…</source>
        <translation>剧集设定…</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="257"/>
        <source>Edit screenplay</source>
        <translation>编辑剧本</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="288"/>
        <source>%1 scenes, %2 dialogue lines in the script · %3 shots on the board</source>
        <translation>剧本共 %1 场、%2 句台词 · 分镜 %3 个镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="304"/>
        <source>Write or import a screenplay first.</source>
        <translation>请先编写或导入剧本。</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="321"/>
        <source>Asking the language model for a shot list</source>
        <translation>正在请语言模型生成镜头列表</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="337"/>
        <source>Breaking down with %1…</source>
        <translation>正在用 %1 拆分镜头…</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="339"/>
        <source>Break down episode %1</source>
        <translation>拆解第 %1 集</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="355"/>
        <source>Breakdown stopped; the storyboard is unchanged.</source>
        <translation>拆解已停止，故事板未改动。</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="357"/>
        <source>The language model could not break the script down: %1</source>
        <translation>语言模型未能拆解剧本：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="360"/>
        <location filename="../../widgets/script/panel.py" line="381"/>
        <source>Breakdown failed</source>
        <translation>拆分失败</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="361"/>
        <source>The language model could not break the script down:

%1

Break it down without AI instead (one shot per beat)?</source>
        <translation>语言模型未能拆解剧本：

%1

改为不用 AI 拆解（每个节拍一个镜头）吗？</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="386"/>
        <source>Broken down: %1 new, %2 refreshed, %3 kept as you edited them, %4 removed.</source>
        <translation>已拆分：新增 %1 个，更新 %2 个，保留你修改过的 %3 个，移除 %4 个。</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="394"/>
        <source>Import Screenplay</source>
        <translation>导入剧本</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="395"/>
        <source>Fountain screenplays (*.fountain *.spmd *.txt)</source>
        <translation>Fountain 剧本 (*.fountain *.spmd *.txt)</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="409"/>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="412"/>
        <source>Import screenplay</source>
        <translation>导入剧本</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="421"/>
        <source>Export Screenplay</source>
        <translation>导出剧本</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="422"/>
        <source>Fountain (*.fountain)</source>
        <translation>Fountain (*.fountain)</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="431"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="433"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="440"/>
        <source>Choose a text provider (OpenAI, Qwen, DeepSeek or a local model) in Providers and set it as the writing model.</source>
        <translation>请在“服务商”中选择一个文本服务商（OpenAI、通义千问、DeepSeek 或本地模型），并设为写作模型。</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="441"/>
        <source>No text provider</source>
        <translation>没有文本模型</translation>
    </message>
    <message>
        <source>Choose a text provider (OpenAI, Qwen, DeepSeek or a local model) in Edit &gt; Providers… and set it as the writing model.</source>
        <translation type="vanished">请在“编辑 &gt; 服务商…”中选择文本模型（OpenAI、通义千问、DeepSeek 或本地模型）并设为写作模型。</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="474"/>
        <source>Writing with %1… (Stop keeps what was written)</source>
        <translation>正在用 %1 写作…（停止会保留已写内容）</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="491"/>
        <source>Stopped; what was written is kept (undo removes it).</source>
        <translation>已停止；已写内容保留（撤销可删除）。</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="492"/>
        <source>Done. Undo removes what was written.</source>
        <translation>完成。撤销可删除新写内容。</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="512"/>
        <source>Select the passage to rewrite first.</source>
        <translation>请先选中要改写的段落。</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="521"/>
        <source>Rewrite Selection</source>
        <translation>改写选中内容</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="521"/>
        <source>How should it change?</source>
        <translation>要怎样修改？</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="526"/>
        <source>Season Outline</source>
        <translation>季大纲</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="526"/>
        <source>Number of episodes:</source>
        <translation>集数：</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="551"/>
        <source>Apply season outline</source>
        <translation>应用季大纲</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="558"/>
        <source>Outline episode</source>
        <translation>生成本集大纲</translation>
    </message>
    <message>
        <location filename="../../widgets/script/panel.py" line="559"/>
        <source>Outline applied to %1 episodes.</source>
        <translation>大纲已应用到 %1 集。</translation>
    </message>
</context>
<context>
    <name>ShotInspector</name>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="75"/>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="76"/>
        <source>Shot size</source>
        <translation>景别</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="77"/>
        <source>Camera angle</source>
        <translation>机位角度</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="78"/>
        <source>Movement</source>
        <translation>运镜</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="79"/>
        <source>Action</source>
        <translation>动作</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="79"/>
        <source>Image prompt</source>
        <translation>画面提示词</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="80"/>
        <source>Motion prompt</source>
        <translation>运动提示词</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="81"/>
        <source>Negative prompt</source>
        <translation>反向提示词</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="90"/>
        <source>Dialogue</source>
        <translation>台词</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="97"/>
        <source> candidates</source>
        <translation> 个候选</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="98"/>
        <source>Generate Stills</source>
        <translation>生成画面</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="100"/>
        <source>Generate Clip</source>
        <translation>生成视频</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="102"/>
        <source>Import File…</source>
        <translation>导入文件…</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="104"/>
        <source>Start From Previous Clip&apos;s Last Frame</source>
        <translation>从上一镜头视频的最后一帧开始</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="105"/>
        <source>Adds the last frame of the previous shot&apos;s clip as this shot&apos;s still, so the next clip continues the action.</source>
        <translation>把上一镜头视频的最后一帧加为本镜头的画面，让下一段视频接上动作。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="108"/>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="113"/>
        <source>Stills</source>
        <translation>画面</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="118"/>
        <source>Clips</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="160"/>
        <source>Double-click a version to use it (earlier versions are kept).</source>
        <translation>双击某个版本即可使用（旧版本会保留）。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="190"/>
        <source>Select a shot</source>
        <translation>请选择镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="198"/>
        <source>Shot %1</source>
        <translation>镜头 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="214"/>
        <source>(no dialogue)</source>
        <translation>（无台词）</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="228"/>
        <source>v%1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="256"/>
        <source>Edit shot</source>
        <translation>编辑镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="266"/>
        <source>Unlock shot</source>
        <translation>解锁镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="266"/>
        <source>Lock shot</source>
        <translation>锁定镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="280"/>
        <source>Choose version</source>
        <translation>选择版本</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="291"/>
        <source>Continuity</source>
        <translation>连戏</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="295"/>
        <source>Import Still or Clip</source>
        <translation>导入画面或视频</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="296"/>
        <source>Pictures and videos (*.png *.jpg *.jpeg *.webp *.mp4 *.mov *.webm *.mkv)</source>
        <translation>图片和视频 (*.png *.jpg *.jpeg *.webp *.mp4 *.mov *.webm *.mkv)</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="317"/>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/inspector.py" line="320"/>
        <source>Import version</source>
        <translation>导入版本</translation>
    </message>
</context>
<context>
    <name>StoryboardPanel</name>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="207"/>
        <source>Choose a provider…</source>
        <translation>选择服务商…</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="76"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="78"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="152"/>
        <source>Generate Missing Stills…</source>
        <translation>生成缺少的画面…</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="154"/>
        <source>Generate Missing Clips…</source>
        <translation>生成缺少的视频…</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="156"/>
        <source>Send to Timeline</source>
        <translation>发送到时间线</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="157"/>
        <source>List</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="158"/>
        <source>Import Files to Shots…</source>
        <translation>导入文件到镜头…</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="285"/>
        <source>All scenes</source>
        <translation>全部场次</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="286"/>
        <source>All characters</source>
        <translation>全部角色</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="330"/>
        <source>%1 shots · %2 with a still · %3 with a clip</source>
        <translation>%1 个镜头 · %2 个有画面 · %3 个有视频</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="356"/>
        <source>Still</source>
        <translation>画面</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="356"/>
        <source>Title card</source>
        <translation>标题卡</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="357"/>
        <source>Clip</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="359"/>
        <source>Voice %1/%2</source>
        <translation>配音 %1/%2</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="367"/>
        <source>Loading picture…</source>
        <translation>正在载入画面…</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="368"/>
        <source>No picture yet</source>
        <translation>尚无画面</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="391"/>
        <source>Reorder shots</source>
        <translation>调整镜头顺序</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="403"/>
        <source>Move shot</source>
        <translation>移动镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="411"/>
        <source>Renumber</source>
        <translation>重新编号</translation>
    </message>
    <message>
        <source>Cannot generate</source>
        <translation type="vanished">无法生成</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/generation.py" line="75"/>
        <source>Nothing to generate</source>
        <translation>无需生成</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/generation.py" line="76"/>
        <source>Every shot already has one.</source>
        <translation>每个镜头都已经有了。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/generation.py" line="82"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/generation.py" line="83"/>
        <source>Generate %1 with %2 for %3 shots? Estimated cost: %4.</source>
        <translation>用 %2 为 %3 个镜头生成%1？预计费用：%4。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/generation.py" line="84"/>
        <source>stills</source>
        <translation>画面</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/generation.py" line="84"/>
        <source>clips</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="417"/>
        <source>Import Files to Shots</source>
        <translation>导入文件到镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="418"/>
        <source>Pictures and videos named after their shot, e.g. E01S02-03.png (*.png *.jpg *.jpeg *.webp *.mp4 *.mov *.webm)</source>
        <translation>以镜头编号命名的图片和视频，例如 E01S02-03.png (*.png *.jpg *.jpeg *.webp *.mp4 *.mov *.webm)</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="432"/>
        <source>%1 file(s) placed on their shots.</source>
        <translation>已将 %1 个文件放到对应镜头。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="435"/>
        <source>Not placed: %1</source>
        <translation>未放置：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/panel.py" line="446"/>
        <source>Timeline assembled: %1 clips added, %2 updated, %3 removed.</source>
        <translation>时间线已组装：新增 %1 个片段，更新 %2 个，移除 %3 个。</translation>
    </message>
</context>
</TS>
