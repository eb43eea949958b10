<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../app/audio/booth.py" line="160"/>
        <source>There is no input device to record from. Connect a microphone and press Refresh.</source>
        <translation>没有可用于录音的输入设备。请连接麦克风后点击“刷新”。</translation>
    </message>
    <message>
        <location filename="../../app/audio/booth.py" line="171"/>
        <source>Take %1</source>
        <translation>第 %1 条</translation>
    </message>
    <message>
        <location filename="../../app/audio/booth.py" line="184"/>
        <source>Could not create the take file: %1.</source>
        <translation>无法创建录音文件：%1。</translation>
    </message>
    <message>
        <location filename="../../app/audio/booth.py" line="263"/>
        <source>The take could not be finished (%1); it will be recovered when the project is next opened.</source>
        <translation>录音未能完成（%1）；下次打开项目时会自动恢复。</translation>
    </message>
    <message>
        <location filename="../../app/audio/booth.py" line="267"/>
        <source>Nothing was recorded: the input delivered no audio.</source>
        <translation>什么也没录到：输入设备没有送来音频。</translation>
    </message>
    <message>
        <source>Audio was dropped during this take (%1 input overflows); it is flagged — record it again if you hear a gap.</source>
        <translation type="vanished">这条录音中有音频丢失（%1 次输入溢出），已做标记——如果听到断音请重录。</translation>
    </message>
    <message>
        <location filename="../../app/audio/booth.py" line="301"/>
        <source>There is no output device to play on.</source>
        <translation>没有可用于播放的输出设备。</translation>
    </message>
    <message>
        <location filename="../../app/audio/booth.py" line="306"/>
        <source>Could not read the take: %1</source>
        <translation>无法读取录音：%1</translation>
    </message>
    <message>
        <location filename="../../app/audio/booth.py" line="328"/>
        <source>Recovered %1 take(s) (%2 s) interrupted when the app stopped during recording. They are marked “recovered” in the booth.</source>
        <translation>已恢复 %1 条因软件在录音中停止而中断的录音（共 %2 秒），在录音棚中标记为“已恢复”。</translation>
    </message>
    <message>
        <location filename="../../app/audio/booth.py" line="333"/>
        <source>A take interrupted by a crash belongs to a line that no longer exists; its audio was kept at %1.</source>
        <translation>一条因崩溃中断的录音所属的台词已不存在；其音频保存在 %1。</translation>
    </message>
    <message>
        <location filename="../../app/audio/recorder.py" line="188"/>
        <source>The input device stopped delivering audio after %1 s (unplugged or the sound server stopped). The take was kept up to that point.</source>
        <translation>输入设备在 %1 秒后停止送出音频（被拔出或声音服务停止）。录音已保留到该时刻。</translation>
    </message>
    <message>
        <location filename="../../app/audio/recorder.py" line="193"/>
        <source>Recording stopped after %1 s: the take could not be written (%2). What was recorded so far was kept; free some disk space before recording again.</source>
        <translation>录音在 %1 秒后停止：无法写入录音文件（%2）。已录下的部分已保留；请先清理磁盘空间再继续录音。</translation>
    </message>
    <message>
        <location filename="../../app/audio/recorder.py" line="200"/>
        <source>The take could not be converted to 48 kHz (%1); it will be converted when the project is next opened.</source>
        <translation>录音未能转换为 48 kHz（%1）；下次打开项目时会再转换。</translation>
    </message>
    <message>
        <location filename="../../app/audio/recorder.py" line="240"/>
        <source>%1 ms of audio never arrived from the sound server (%2 gaps, usually because the computer was too busy); each gap was filled with silence so the rest stays in sync.</source>
        <translation>有 %1 毫秒的音频没有从声音服务器送达（%2 处断档，通常是电脑太忙）；每处断档都用静音补齐，其余部分仍与画面同步。</translation>
    </message>
    <message>
        <location filename="../../app/audio/recorder.py" line="244"/>
        <source>%1 ms of audio was lost because the take could not be written fast enough (slow disk); it was filled with silence.</source>
        <translation>有 %1 毫秒的音频因录音写入不够快（磁盘较慢）而丢失，已用静音补齐。</translation>
    </message>
    <message>
        <location filename="../../app/audio/recorder.py" line="248"/>
        <source>The input device reported %1 overflows (audio it had to discard).</source>
        <translation>输入设备报告了 %1 次溢出（它不得不丢弃的音频）。</translation>
    </message>
    <message>
        <location filename="../../app/audio/recorder.py" line="250"/>
        <source>The take is flagged: listen to it and record it again if you hear a gap.</source>
        <translation>此条录音已标记：请试听，如听到断档请重录。</translation>
    </message>
    <message>
        <location filename="../../app/audio/devices.py" line="142"/>
        <source>No microphone or other audio input was found. Connect one, then press Refresh.</source>
        <translation>没有找到麦克风或其他音频输入设备。请连接后点击“刷新”。</translation>
    </message>
    <message>
        <location filename="../../app/audio/devices.py" line="144"/>
        <source>No audio output (speakers or headphones) was found. Connect one, then press Refresh.</source>
        <translation>没有找到音频输出设备（扬声器或耳机）。请连接后点击“刷新”。</translation>
    </message>
    <message>
        <location filename="../../app/audio/devices.py" line="153"/>
        <source>The input device “%1” is not connected; using “%2” instead.</source>
        <translation>输入设备“%1”未连接，改用“%2”。</translation>
    </message>
    <message>
        <location filename="../../app/audio/devices.py" line="154"/>
        <source>The output device “%1” is not connected; using “%2” instead.</source>
        <translation>输出设备“%1”未连接，改用“%2”。</translation>
    </message>
</context>
<context>
    <name>AudioCapture</name>
    <message>
        <location filename="../../app/audio/capture.py" line="57"/>
        <source>The input device cannot be used: {exc}. Pick another device or press Refresh.</source>
        <translation>无法使用该输入设备：{exc}。请选择其他设备，或点击“刷新”。</translation>
    </message>
    <message>
        <location filename="../../app/audio/capture.py" line="62"/>
        <source>“{name}” refuses both {wanted} Hz and its own rate {rate} Hz ({exc}). Pick another input device.</source>
        <translation>“{name}”既不接受 {wanted} Hz，也不接受其自身的 {rate} Hz 采样率（{exc}）。请选择其他输入设备。</translation>
    </message>
    <message>
        <location filename="../../app/audio/capture.py" line="139"/>
        <source>Could not start recording from the input device: {exc}. Check that it is connected, or pick another one.</source>
        <translation>无法从输入设备开始录音：{exc}。请检查设备是否已连接，或选择其他设备。</translation>
    </message>
</context>
<context>
    <name>AudioPlayback</name>
    <message>
        <location filename="../../app/audio/playback.py" line="82"/>
        <source>Could not play on the output device: {exc}. Pick another output device.</source>
        <translation>无法在输出设备上播放：{exc}。请选择其他输出设备。</translation>
    </message>
    <message>
        <location filename="../../app/audio/playback.py" line="165"/>
        <source>Could not monitor on the output device: {exc}.</source>
        <translation>无法在输出设备上监听：{exc}。</translation>
    </message>
</context>
<context>
    <name>AudioTakes</name>
    <message>
        <location filename="../../app/audio/takes.py" line="1"/>
        <source>Delete {take}</source>
        <translation>删除{take}</translation>
    </message>
    <message>
        <location filename="../../app/audio/takes.py" line="1"/>
        <source>Unchoose take</source>
        <translation>取消选用录音</translation>
    </message>
    <message>
        <location filename="../../app/audio/takes.py" line="1"/>
        <source>Choose {take}</source>
        <translation>选用{take}</translation>
    </message>
    <message>
        <location filename="../../app/audio/takes.py" line="244"/>
        <location filename="../../app/audio/takes.py" line="245"/>
        <location filename="../../app/audio/takes.py" line="250"/>
        <source>Take clean-up</source>
        <translation>清理录音条目</translation>
    </message>
</context>
<context>
    <name>BoothPanel</name>
    <message>
        <location filename="../../widgets/booth/panel.py" line="291"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="292"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="295"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="296"/>
        <source>Look for audio devices connected or removed since the list was made</source>
        <translation>重新查找此后连接或移除的音频设备</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="297"/>
        <source>Monitor</source>
        <translation>监听</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="298"/>
        <source>Hear the microphone on the output (use headphones)</source>
        <translation>在输出设备上听到麦克风声音（请戴耳机）</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="299"/>
        <source>Count-in</source>
        <translation>预备拍</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="300"/>
        <source> beeps</source>
        <translation> 声</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="301"/>
        <source>Record to picture</source>
        <translation>对画面录音</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="302"/>
        <source>Play the line&apos;s shot while recording; the take is aligned to it</source>
        <translation>录音时播放这句台词所在的镜头；录音按画面对齐</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="316"/>
        <source>◀ Previous</source>
        <translation>◀ 上一句</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="317"/>
        <source>Next ▶</source>
        <translation>下一句 ▶</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="304"/>
        <source>Record / stop take</source>
        <translation>录制 / 停止</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="293"/>
        <source>Audio settings</source>
        <translation>音频设置</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="294"/>
        <source>Input and output devices, monitor, count-in and record to picture</source>
        <translation>输入和输出设备、监听、预备拍和对画面录音</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="306"/>
        <source>No microphone or other audio input was found, so nothing can be recorded. Connect one (a USB microphone or headset works) and press Refresh. Everything else in the project works as usual, and existing takes can still be played and chosen.</source>
        <translation>没有找到麦克风或其他音频输入设备，因此无法录音。请连接一个（USB 麦克风或耳麦均可）后点击“刷新”。项目中的其他功能照常可用，已有的录音仍可播放和选用。</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="337"/>
        <source> (default)</source>
        <translation>（默认）</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="345"/>
        <source>(none found)</source>
        <translation>（未找到）</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="405"/>
        <source>All characters</source>
        <translation>全部角色</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="408"/>
        <source>%1&apos;s lines (%2)</source>
        <translation>%1 的台词（%2）</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="416"/>
        <source>%1 / %2 lines have a chosen take</source>
        <translation>%1 / %2 句已选定录音</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="427"/>
        <source>%1 take(s)</source>
        <translation>%1 条录音</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="455"/>
        <source>Takes of this line: %1</source>
        <translation>本句录音：%1 条</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="490"/>
        <source>Count-in…</source>
        <translation>预备…</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="495"/>
        <source>Saving take…</source>
        <translation>正在保存录音…</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="510"/>
        <source>■ Stop  (Space)</source>
        <translation>■ 停止（空格）</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="514"/>
        <source>● Record  (Space)</source>
        <translation>● 录音（空格）</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="540"/>
        <source>● REC %1</source>
        <translation>● 录音中 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/panel.py" line="558"/>
        <source>The file of %1 is missing (deleted outside the app?).</source>
        <translation>%1 的文件不见了（可能在软件外被删除？）。</translation>
    </message>
</context>
<context>
    <name>LevelMeterWidget</name>
    <message>
        <location filename="../../widgets/booth/meter_widget.py" line="29"/>
        <source>Input level: bar = RMS, bright edge = peak, tick = peak hold. Aim for peaks around -12 dBFS; the light turns red on clipping.</source>
        <translation>输入电平：色条为 RMS，亮边为峰值，竖线为峰值保持。峰值以 -12 dBFS 左右为宜；削波时指示灯变红。</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/meter_widget.py" line="94"/>
        <source>CLIP</source>
        <translation>削波</translation>
    </message>
</context>
<context>
    <name>TakesList</name>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="181"/>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="184"/>
        <source>scratch voice</source>
        <translation>临时配音</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="185"/>
        <source>A robotic offline voice for timing; replace it with a vendor voice or a recording</source>
        <translation>本机生成的机械音，仅供对时长；发布前请换成服务商音色或真人录音</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="108"/>
        <source>Take</source>
        <translation>录音</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="108"/>
        <source>Length</source>
        <translation>时长</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="108"/>
        <location filename="../../widgets/booth/takes_list.py" line="110"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="108"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="109"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="109"/>
        <location filename="../../widgets/booth/takes_list.py" line="228"/>
        <source>★ Choose</source>
        <translation>★ 选用</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="110"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="111"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="120"/>
        <source>Trim silence</source>
        <translation>裁掉静音</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="121"/>
        <source>High-pass 80 Hz</source>
        <translation>高通 80 Hz</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="122"/>
        <source>Normalise loudness</source>
        <translation>响度标准化</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="123"/>
        <source>Silence before the first and after the last word (the take keeps its timing; the recording itself is never changed).</source>
        <translation>将第一个字之前和最后一个字之后静音（录音时间位置不变；原始录音文件永不改动）。</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="125"/>
        <source>Clean-up</source>
        <translation>清理</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="171"/>
        <source>Click to use this take on the dialogue track</source>
        <translation>点击将此录音放到对白轨上</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="177"/>
        <source>missing file</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="188"/>
        <source>recovered</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="190"/>
        <source>dropped audio</source>
        <translation>有丢音</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="192"/>
        <source>cleaned</source>
        <translation>已处理</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="228"/>
        <source>☆ Unchoose</source>
        <translation>☆ 取消选用</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="264"/>
        <source>Rename take</source>
        <translation>重命名录音</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="268"/>
        <source>Take note</source>
        <translation>录音备注</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/takes_list.py" line="310"/>
        <source>The clean-up could not be made: %1</source>
        <translation>无法完成处理：%1</translation>
    </message>
</context>
<context>
    <name>Teleprompter</name>
    <message>
        <location filename="../../widgets/booth/teleprompter.py" line="79"/>
        <source>No dialogue lines to record.</source>
        <translation>没有可录的台词。</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/teleprompter.py" line="84"/>
        <source>Shot %1</source>
        <translation>镜头 %1</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/teleprompter.py" line="85"/>
        <location filename="../../widgets/booth/teleprompter.py" line="89"/>
        <source>(no character)</source>
        <translation>（无角色）</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/teleprompter.py" line="91"/>
        <source>(empty line)</source>
        <translation>（空台词）</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/teleprompter.py" line="93"/>
        <source>Next: — end of the lines —</source>
        <translation>下一句：—— 已是最后一句 ——</translation>
    </message>
    <message>
        <location filename="../../widgets/booth/teleprompter.py" line="96"/>
        <source>Next: %1: %2</source>
        <translation>下一句：%1：%2</translation>
    </message>
</context>
</TS>
