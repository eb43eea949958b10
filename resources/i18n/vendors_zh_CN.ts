<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ClipModelPicker</name>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="63"/>
        <source>Start frame</source>
        <translation>首帧</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="64"/>
        <source>End frame</source>
        <translation>尾帧</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="65"/>
        <source>Character references</source>
        <translation>角色参考图</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="66"/>
        <source>Multi-shot scene</source>
        <translation>多镜头场景</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="67"/>
        <source>Sound</source>
        <translation>音频</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="78"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="79"/>
        <source>Quality</source>
        <translation>画质</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="80"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="81"/>
        <source>Aspect</source>
        <translation>画幅</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="82"/>
        <source>Supports</source>
        <translation>支持</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="153"/>
        <source>s</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="153"/>
        <source>image</source>
        <translation>张</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="153"/>
        <source>track</source>
        <translation>首</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="178"/>
        <source>Follow the shot</source>
        <translation>跟随镜头时长</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="181"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="193"/>
        <source>%1 (this series is %2: the start frame decides)</source>
        <translation>%1（本剧为 %2：以首帧为准）</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="196"/>
        <source>Follows the start frame</source>
        <translation>跟随首帧</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="212"/>
        <source>This shot is %1 s; %2 makes %3 s (the clip is trimmed on the timeline).</source>
        <translation>本镜头 %1 秒；%2 生成 %3 秒（在时间线上裁剪）。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="268"/>
        <source>Set shot length</source>
        <translation>设置镜头时长</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../app/jobs/multishot.py" line="86"/>
        <source>Splitting the scene clip at its cuts</source>
        <translation>正在按剪切点切分整场视频</translation>
    </message>
</context>
<context>
    <name>JobsMultishot</name>
    <message>
        <location filename="../../app/jobs/multishot.py" line="44"/>
        <source>Scene {number} has fewer than two unlocked shots: generate its shots one by one.</source>
        <translation>第 {number} 场未锁定的镜头少于两个：请逐个生成其镜头。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/multishot.py" line="48"/>
        <source>{value} makes one shot per call; choose a multi-shot model such as kling-v3 (Kling) or doubao-seedance-2-0-260128 (Ark) for a scene clip.</source>
        <translation>{value} 每次调用只生成一个镜头；要生成整场片段，请选择多镜头模型，例如 kling-v3（可灵）或 doubao-seedance-2-0-260128（方舟）。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/multishot.py" line="50"/>
        <source>Scene {number} has {count} shots; {label} makes at most {max_shots} in one clip.</source>
        <translation>第 {number} 场有 {count} 个镜头；{label} 一个片段最多生成 {max_shots} 个镜头。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/multishot.py" line="61"/>
        <source>Scene {number} runs {total:g} s; {label} makes at most {longest:g} s in one clip.</source>
        <translation>第 {number} 场时长 {total:g} 秒；{label} 一个片段最长 {longest:g} 秒。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/multishot.py" line="74"/>
        <source>Scene {number} (multi-shot)</source>
        <translation>第 {number} 场（多镜头）</translation>
    </message>
    <message>
        <location filename="../../app/jobs/multishot.py" line="140"/>
        <source>--multi-shot: episode {number} has no scene {number2} (scenes: {numbers}).</source>
        <translation>--multi-shot：第 {number} 集没有第 {number2} 场（现有场次：{numbers}）。</translation>
    </message>
</context>
<context>
    <name>ModelCards</name>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="27"/>
        <source>%1 does not make clips of this length.</source>
        <translation>%1 不能生成这个时长的视频。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="28"/>
        <source>%1 does not make this aspect ratio.</source>
        <translation>%1 不支持这个画幅。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="29"/>
        <source>%1 does not offer this quality.</source>
        <translation>%1 没有这个画质。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="30"/>
        <source>%1 makes video from text only: it takes no start frame.</source>
        <translation>%1 只能文生视频，不接受首帧。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="31"/>
        <source>%1 takes no end frame.</source>
        <translation>%1 不支持尾帧。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="32"/>
        <source>%1 takes no character reference images.</source>
        <translation>%1 不接受角色参考图。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="33"/>
        <source>%1 makes one shot per call.</source>
        <translation>%1 每次只生成一个镜头。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="34"/>
        <source>%1 makes silent video.</source>
        <translation>%1 生成的视频没有声音。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="35"/>
        <source>%1 needs a start frame: generate a still first.</source>
        <translation>%1 需要首帧：请先生成静帧。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="36"/>
        <source>%1 is not offered in the region set for this provider.</source>
        <translation>当前设置的地域不提供 %1。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/model_picker.py" line="38"/>
        <source>%1 cannot do this.</source>
        <translation>%1 不支持此项。</translation>
    </message>
</context>
<context>
    <name>MultiShotAction</name>
    <message>
        <location filename="../../widgets/storyboard/multishot_action.py" line="21"/>
        <source>Generate Scene as One Multi-shot Clip…</source>
        <translation>整场生成为一条多镜头视频…</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/multishot_action.py" line="24"/>
        <source>One clip for the whole scene from a model that makes several shots in one call (Kling 3.0, Seedance 2.0); each shot gets its piece.</source>
        <translation>用一次可生成多个镜头的模型（可灵 3.0、Seedance 2.0）为整场生成一条视频，再切分给每个镜头。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/multishot_action.py" line="39"/>
        <source>Select a shot</source>
        <translation>请选择镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/multishot_action.py" line="40"/>
        <source>Select a shot of the scene to generate.</source>
        <translation>请选择要生成的场次中的一个镜头。</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/multishot_action.py" line="48"/>
        <source>Cannot generate</source>
        <translation>无法生成</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/multishot_action.py" line="52"/>
        <source>Generate</source>
        <translation>生成</translation>
    </message>
    <message>
        <location filename="../../widgets/storyboard/multishot_action.py" line="53"/>
        <source>Generate scene %1 (%2 shots) as one clip? Estimated cost: %3.</source>
        <translation>将第 %1 场（%2 个镜头）生成为一条视频？预计费用：%3。</translation>
    </message>
</context>
<context>
    <name>ProviderFields</name>
    <message>
        <location filename="../../widgets/settings/field_labels_vendors.py" line="12"/>
        <source>Image answer</source>
        <translation>图片返回方式</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels_vendors.py" line="13"/>
        <source>Music answer</source>
        <translation>音乐返回方式</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels_vendors.py" line="14"/>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels_vendors.py" line="15"/>
        <source>Start-and-end-frame model</source>
        <translation>首尾帧模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels_vendors.py" line="16"/>
        <source>Workspace ID (optional)</source>
        <translation>业务空间 ID（可选）</translation>
    </message>
</context>
</TS>
