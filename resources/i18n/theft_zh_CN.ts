<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>FingerprintSampler</name>
    <message>
        <location filename="../../app/fingerprint/sampler.py" line="47"/>
        <source>{name} cannot be read as a video: {exc}</source>
        <translation>无法将 {name} 作为视频读取：{exc}</translation>
    </message>
    <message>
        <location filename="../../app/fingerprint/sampler.py" line="50"/>
        <source>{name} has no video stream.</source>
        <translation>{name} 没有视频流。</translation>
    </message>
</context>
<context>
    <name>TheftCheck</name>
    <message>
        <location filename="../../app/fingerprint/scan.py" line="57"/>
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <location filename="../../app/fingerprint/suspect.py" line="179"/>
        <source>%1 cannot be read as a video or as audio.</source>
        <translation>无法将 %1 读取为视频或音频。</translation>
    </message>
    <message>
        <location filename="../../app/fingerprint/suspect.py" line="183"/>
        <source>%1 has no picture or sound that could be decoded.</source>
        <translation>%1 中没有可解码的画面或声音。</translation>
    </message>
    <message>
        <location filename="../../app/fingerprint/matcher.py" line="80"/>
        <source>%1 or %2</source>
        <translation>%1 或 %2</translation>
    </message>
    <message>
        <location filename="../../app/fingerprint/matcher.py" line="82"/>
        <source>sound matches at %1 - the music repeats</source>
        <translation>声音可对应到 %1 —— 背景音乐是循环的</translation>
    </message>
</context>
</TS>
