<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>TheftCheck</name>
    <message>
        <location filename="../../app/fingerprint/scan.py" line="57" />
        <source>%1 does not exist.</source>
        <translation>%1 不存在。</translation>
    </message>
    <message>
        <location filename="../../app/fingerprint/suspect.py" line="126" />
        <source>%1 cannot be read as a video or as audio.</source>
        <translation>无法将 %1 读取为视频或音频。</translation>
    </message>
    <message>
        <location filename="../../app/fingerprint/suspect.py" line="130" />
        <source>%1 has no picture or sound that could be decoded.</source>
        <translation>%1 中没有可解码的画面或声音。</translation>
    </message>
</context>
</TS>