<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LipSync</name>
    <message>
        <location filename="../../app/voices/lipsync.py" line="76"/>
        <source>Shot {0} has no chosen clip to lip sync.</source>
        <translation>镜头 {0} 没有选定的视频片段，无法对口型。</translation>
    </message>
    <message>
        <location filename="../../app/voices/lipsync.py" line="81"/>
        <source>Shot {0} has no chosen take to lip sync to.</source>
        <translation>镜头 {0} 没有选定的配音，无法对口型。</translation>
    </message>
    <message>
        <location filename="../../app/voices/lipsync.py" line="100"/>
        <source>Lip sync {0}</source>
        <translation>对口型 {0}</translation>
    </message>
</context>
<context>
    <name>LipSyncActions</name>
    <message>
        <location filename="../../widgets/voices/lipsync_actions.py" line="20"/>
        <source>Lip Sync Shot</source>
        <translation>镜头对口型</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/lipsync_actions.py" line="21"/>
        <source>Lip Sync Episode…</source>
        <translation>整集对口型…</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/lipsync_actions.py" line="22"/>
        <source>Move the mouths in the chosen clip to the chosen takes, placed where they sit in the shot; the result becomes a new chosen clip version</source>
        <translation>让选定片段中的口型对上选定的配音（按配音在镜头中的位置）；结果成为新的选定片段版本</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/lipsync_actions.py" line="38"/>
        <source>Open a project with an episode first.</source>
        <translation>请先打开一个有剧集的项目。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/lipsync_actions.py" line="42"/>
        <source>Select a shot first.</source>
        <translation>请先选择一个镜头。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/lipsync_actions.py" line="55"/>
        <source>Nothing to lip sync here: a shot needs a chosen clip and a chosen take.</source>
        <translation>这里没有可对口型的镜头：镜头需要有选定的片段和选定的配音。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/lipsync_actions.py" line="67"/>
        <source>Lip Sync</source>
        <translation>对口型</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/lipsync_actions.py" line="68"/>
        <source>Lip sync %1 shot(s)? Estimated cost: %2.</source>
        <translation>为 %1 个镜头对口型？预计费用：%2。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/lipsync_actions.py" line="81"/>
        <source>Lip syncing %1 shot(s).</source>
        <translation>正在为 %1 个镜头对口型。</translation>
    </message>
</context>
<context>
    <name>ProviderFields</name>
    <message>
        <location filename="../../widgets/voices/field_labels.py" line="12"/>
        <source>Answer format</source>
        <translation>返回格式</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/field_labels.py" line="13"/>
        <source>espeak-ng program</source>
        <translation>espeak-ng 程序</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/field_labels.py" line="14"/>
        <source>Lip-sync model</source>
        <translation>对口型模型</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/field_labels.py" line="15"/>
        <source>Lip-sync call</source>
        <translation>对口型调用方式</translation>
    </message>
</context>
<context>
    <name>VoiceActions</name>
    <message>
        <location filename="../../widgets/voices/actions.py" line="48"/>
        <source>Generate Voices for Shot</source>
        <translation>为镜头生成配音</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="49"/>
        <source>Generate Voices for Scene</source>
        <translation>为场景生成配音</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="50"/>
        <source>Generate Voices for Episode…</source>
        <translation>为整集生成配音…</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="51"/>
        <source>Fit Shots to Voices</source>
        <translation>按配音调整镜头时长</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="52"/>
        <source>Generate AI Take</source>
        <translation>生成 AI 配音</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="53"/>
        <source>Convert to Character Voice</source>
        <translation>转换为角色音色</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="54"/>
        <source>Say the selected recording again in the character&apos;s voice, keeping its timing and emotion (a new take linked to the recording)</source>
        <translation>用角色的音色重说所选录音，保留原有节奏和情绪（生成一条与原录音关联的新录音）</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="56"/>
        <source>Speak this line in the character&apos;s voice as a new take (a recorded chosen take stays chosen)</source>
        <translation>用角色的音色朗读这句台词，作为新的一条录音（已选中的真人录音保持选中）</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="59"/>
        <source>Voices</source>
        <translation>配音</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="60"/>
        <source>One take per line in the character&apos;s voice (Series Bible → Voices); without a vendor voice, an offline scratch voice</source>
        <translation>每句台词用角色的音色生成一条录音（剧集设定 → 配音）；未设置服务商音色时使用离线临时配音</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="64"/>
        <source>Lengthen every shot whose voices run past its end (one undo step)</source>
        <translation>加长配音超出结尾的镜头（一步即可撤销）</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="100"/>
        <source>Select a line first.</source>
        <translation>请先选择一句台词。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="113"/>
        <source>Select a recorded take first.</source>
        <translation>请先选择一条录音。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="122"/>
        <source>Converting %1 into the character&apos;s voice.</source>
        <translation>正在把 %1 转换为角色音色。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="140"/>
        <source>Open a project with an episode first.</source>
        <translation>请先打开一个含有剧集的项目。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="144"/>
        <source>Select a shot first.</source>
        <translation>请先选择一个镜头。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="151"/>
        <source>Every line here already has a voice.</source>
        <translation>这里的每句台词都已有配音。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="151"/>
        <source>No dialogue here.</source>
        <translation>这里没有台词。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="159"/>
        <source>Generate Voices</source>
        <translation>生成配音</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="160"/>
        <source>Generate %1 voice take(s)? Estimated cost: %2.</source>
        <translation>生成 %1 条配音？预计费用：%2。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="171"/>
        <source>Generating %1 voice take(s).</source>
        <translation>正在生成 %1 条配音。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="173"/>
        <source>Characters without a voice speak with the offline scratch voice.</source>
        <translation>未设置音色的角色使用离线临时配音。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="186"/>
        <source>Lengthened %1 shot(s) by %2 s in all.</source>
        <translation>已加长 %1 个镜头，共 %2 秒。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/actions.py" line="189"/>
        <source>Every shot is long enough for its voices.</source>
        <translation>每个镜头都足够容纳其配音。</translation>
    </message>
</context>
<context>
    <name>VoicePage</name>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="98"/>
        <source>Voices</source>
        <translation>配音</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="101"/>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="101"/>
        <source>Voice</source>
        <translation>音色</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="101"/>
        <source>Speed</source>
        <translation>语速</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="102"/>
        <source>Pitch</source>
        <translation>音高</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="102"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="102"/>
        <source>Delivery note</source>
        <translation>表演提示</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="105"/>
        <source>Preview</source>
        <translation>试听</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="106"/>
        <source>Clone from Recording…</source>
        <translation>从录音克隆…</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="107"/>
        <source>Make this provider&apos;s voice from 10 s to 5 minutes of the actor speaking (a booth take or an audio file)</source>
        <translation>用演员 10 秒到 5 分钟的说话录音（录音棚的一条录音或音频文件）在此服务商生成音色</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="109"/>
        <source>e.g. calm, low, a little tired (sent with every line)</source>
        <translation>例如：平静、低沉、略显疲惫（随每句台词发送）</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="110"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="112"/>
        <source>Scratch voice: a robotic voice made on this computer, with no key and no cost, so you can time the episode now. Replace it with a vendor voice or a recording before you publish.</source>
        <translation>临时配音：在本机生成的机械音，无需密钥、不产生费用，让你现在就能对好整集的时长。发布前请换成服务商音色或真人录音。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="119"/>
        <source>Scratch voice (offline)</source>
        <translation>临时配音（离线）</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="122"/>
        <source>From the text</source>
        <translation>根据台词文字</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="123"/>
        <source>Mandarin</source>
        <translation>普通话</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="124"/>
        <source>English</source>
        <translation>英语</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="133"/>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="202"/>
        <source>Voice sample</source>
        <translation>音色样本</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="203"/>
        <source>Audio (*.wav *.mp3 *.m4a *.flac *.ogg)</source>
        <translation>音频 (*.wav *.mp3 *.m4a *.flac *.ogg)</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="225"/>
        <source>Voice cloned: %1</source>
        <translation>音色已克隆：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="227"/>
        <source>Cloning…</source>
        <translation>正在克隆…</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="260"/>
        <source>Speaking…</source>
        <translation>正在朗读…</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="280"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="282"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/voice_page.py" line="294"/>
        <source>Playing (%1 s).</source>
        <translation>正在播放（%1 秒）。</translation>
    </message>
</context>
<context>
    <name>VoiceSamples</name>
    <message>
        <location filename="../../app/voices/samples.py" line="49"/>
        <source>The sample is {s:.1f} s long; record at least 10 s (20-30 s of clear speech is best).</source>
        <translation>样本只有 {s:.1f} 秒；请至少录 10 秒（最好是 20–30 秒清晰的说话）。</translation>
    </message>
    <message>
        <location filename="../../app/voices/samples.py" line="53"/>
        <source>The sample is {m:.1f} minutes long; use 10 s to 5 minutes of one voice.</source>
        <translation>样本长 {m:.1f} 分钟；请使用同一人 10 秒到 5 分钟的声音。</translation>
    </message>
    <message>
        <location filename="../../app/voices/samples.py" line="57"/>
        <source>The sample is almost silent ({db:.0f} dBFS); record closer to the microphone.</source>
        <translation>样本几乎没有声音（{db:.0f} dBFS）；请离麦克风近一些再录。</translation>
    </message>
    <message>
        <location filename="../../app/voices/samples.py" line="61"/>
        <source>The sample is distorted ({p:.1f} % of it clipped); record it again with the input level lower.</source>
        <translation>样本失真（{p:.1f}% 削波）；请调低输入电平后重录。</translation>
    </message>
    <message>
        <location filename="../../app/voices/samples.py" line="75"/>
        <source>{name} is not a readable audio file ({reason}).</source>
        <translation>{name} 不是可读取的音频文件（{reason}）。</translation>
    </message>
</context>
<context>
    <name>Voices</name>
    <message>
        <location filename="../../widgets/voices/preview.py" line="59"/>
        <source>Preview voice of {name}</source>
        <translation>试听 {name} 的音色</translation>
    </message>
    <message>
        <location filename="../../app/voices/landing.py" line="73"/>
        <source>{name} (converted)</source>
        <translation>{name}（已转换）</translation>
    </message>
    <message>
        <location filename="../../app/voices/landing.py" line="77"/>
        <source>AI {n}</source>
        <translation>AI {n}</translation>
    </message>
    <message>
        <location filename="../../app/voices/landing.py" line="156"/>
        <source>Generate Voices</source>
        <translation>生成配音</translation>
    </message>
    <message>
        <location filename="../../app/voices/store.py" line="40"/>
        <source>The speech answer was not stored: {reason}.</source>
        <translation>语音结果未保存：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/voices/plan.py" line="63"/>
        <source>Narrator</source>
        <translation>旁白</translation>
    </message>
    <message>
        <location filename="../../app/voices/plan.py" line="99"/>
        <source>{line}: no words to speak</source>
        <translation>{line}：没有可朗读的文字</translation>
    </message>
    <message>
        <location filename="../../app/voices/plan.py" line="102"/>
        <source>{line}: {n} characters is too long for one line; split it</source>
        <translation>{line}：{n} 个字符对一句台词来说太长，请拆分</translation>
    </message>
    <message>
        <location filename="../../app/voices/plan.py" line="117"/>
        <source>Voice {line}</source>
        <translation>配音 {line}</translation>
    </message>
    <message>
        <location filename="../../app/voices/plan.py" line="136"/>
        <source>Converting a recording needs a character voice from a provider that does speech to speech (ElevenLabs): set it in Series Bible → Voices.</source>
        <translation>转换录音需要角色使用支持语音转换的服务商音色（ElevenLabs）：请在 剧集设定 → 配音 中设置。</translation>
    </message>
    <message>
        <location filename="../../app/voices/plan.py" line="143"/>
        <source>Convert {line}</source>
        <translation>转换 {line}</translation>
    </message>
    <message>
        <location filename="../../app/voices/clone.py" line="49"/>
        <source>Checking the sample</source>
        <translation>正在检查样本</translation>
    </message>
    <message>
        <location filename="../../app/voices/clone.py" line="53"/>
        <source>Cloning the voice</source>
        <translation>正在克隆音色</translation>
    </message>
    <message>
        <location filename="../../app/voices/clone.py" line="72"/>
        <source>Clone voice of {name}</source>
        <translation>克隆 {name} 的音色</translation>
    </message>
</context>
<context>
    <name>VoicesBatch</name>
    <message>
        <location filename="../../app/voices/batch.py" line="32"/>
        <source>The offline scratch voice needs espeak-ng: install it with &apos;apt-get install espeak-ng&apos; (or choose a vendor with --provider).</source>
        <translation>离线临时配音需要 espeak-ng：请用 &apos;apt-get install espeak-ng&apos; 安装（或用 --provider 选择服务商）。</translation>
    </message>
</context>
<context>
    <name>VoicesClone</name>
    <message>
        <location filename="../../app/voices/clone.py" line="68"/>
        <source>Clone voice</source>
        <translation>克隆声音</translation>
    </message>
</context>
<context>
    <name>VoicesFit</name>
    <message>
        <location filename="../../app/voices/fit.py" line="75"/>
        <source>Fit shots to voices</source>
        <translation>按配音调整镜头时长</translation>
    </message>
</context>
<context>
    <name>LipSync</name>
    <message>
        <source>{0} clip(s) were not made by Kling: each is first uploaded to fal.ai&apos;s file storage (a public link, with your fal.ai key) so Kling can fetch it.</source>
        <translation>有 {0} 个片段不是可灵生成的：发送前会先上传到 fal.ai 的文件存储（公开链接，使用你的 fal.ai 密钥），以便可灵读取。</translation>
    </message>
    <message>
        <source>Price unknown: the vendor publishes no list price for this lip-sync model, so it is not counted in the budget.</source>
        <translation>价格未知：服务商没有公布这个对口型模型的价格，因此不计入预算。</translation>
    </message>
    <message>
        <source>Choose Lip-Sync Face</source>
        <translation>选择对口型的人脸</translation>
    </message>
    <message>
        <source>This lip-sync provider finds the face itself; there is no face to choose.</source>
        <translation>这个对口型服务会自己找人脸，无需选择。</translation>
    </message>
    <message>
        <source>Select a shot first.</source>
        <translation>请先选择一个镜头。</translation>
    </message>
    <message>
        <source>Find faces in {0}</source>
        <translation>识别 {0} 中的人脸</translation>
    </message>
    <message>
        <source>Shot {0} is already lip synced.</source>
        <translation>镜头 {0} 已经对过口型。</translation>
    </message>
</context>
<context>
    <name>LipSyncActions</name>
    <message>
        <source>Choose Lip-Sync Face…</source>
        <translation>选择对口型人脸…</translation>
    </message>
    <message>
        <source>Find the faces in the shot&apos;s clip (free) and choose which one speaks</source>
        <translation>识别镜头片段中的人脸（免费），并选择由谁说话</translation>
    </message>
    <message>
        <source>Lip sync %1 shot(s)?</source>
        <translation>为 %1 个镜头对口型？</translation>
    </message>
    <message>
        <source>One face in shot %1: it speaks.</source>
        <translation>镜头 %1 中只有一张人脸：由它说话。</translation>
    </message>
</context>
<context>
    <name>FaceChooserDialog</name>
    <message>
        <location filename="../../widgets/voices/face_chooser.py" line="1"/>
        <source>Who Speaks in Shot {0}</source>
        <translation>镜头 {0} 由谁说话</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/face_chooser.py" line="1"/>
        <source>Who Speaks</source>
        <translation>由谁说话</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/face_chooser.py" line="1"/>
        <source>The lip-sync vendor found {0} faces in this clip. Choose the one whose mouth moves to the voice; the choice is kept for this shot.</source>
        <translation>对口型服务在这个片段中找到了 {0} 张人脸。请选择嘴型跟随配音的那一张；此镜头会记住你的选择。</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/face_chooser.py" line="1"/>
        <source>Automatic
(on screen longest)</source>
        <translation>自动
（出镜最久）</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/face_chooser.py" line="1"/>
        <source>Face {0}
{1} s on screen</source>
        <translation>人脸 {0}
出镜 {1} 秒</translation>
    </message>
    <message>
        <location filename="../../widgets/voices/face_chooser.py" line="1"/>
        <source>(automatic choice)</source>
        <translation>（自动选择）</translation>
    </message>
</context>
<context>
    <name>ProviderPage</name>
    <message>
        <source>Uses the key entered for {vendor}</source>
        <translation>使用为 {vendor} 填写的密钥</translation>
    </message>
</context>
<context>
    <name>ProviderFields</name>
    <message>
        <source>Host for clips Kling did not make</source>
        <translation>非可灵片段的托管方式</translation>
    </message>
    <message>
        <source>fal.ai key (clip host)</source>
        <translation>fal.ai 密钥（片段托管）</translation>
    </message>
    <message>
        <source>Clip host address</source>
        <translation>片段托管地址</translation>
    </message>
    <message>
        <source>Voice cloning model</source>
        <translation>声音复刻模型</translation>
    </message>
</context>
</TS>
