<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ProjectFile</name>
    <message>
        <location filename="../../app/project_files.py" line="243"/>
        <source>%1 was written by a newer Microdrama Studio (schema %2, this app reads up to %3). Update the app to open it; the file was left untouched.</source>
        <translation>%1 由更新版本的 Microdrama Studio 写入（格式版本 %2，本程序最高只能读取 %3）。请更新程序后再打开；文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../app/project_files.py" line="249"/>
        <location filename="../../app/project_files.py" line="277"/>
        <source>%1 is not a Microdrama Studio project file.</source>
        <translation>%1 不是 Microdrama Studio 项目文件。</translation>
    </message>
    <message>
        <location filename="../../app/project_files.py" line="257"/>
        <source>%1 does not match the project schema: %2</source>
        <translation>%1 与项目格式不符：%2</translation>
    </message>
    <message>
        <location filename="../../app/project_files.py" line="259"/>
        <source>%1 must be a list of part files</source>
        <translation>%1 必须是分片文件的列表</translation>
    </message>
    <message>
        <location filename="../../app/project_files.py" line="282"/>
        <source>%1 names a part file outside the project (%2); it is damaged.</source>
        <translation>%1 指向项目文件夹之外的分片文件（%2），文件已损坏。</translation>
    </message>
    <message>
        <location filename="../../app/project_files.py" line="287"/>
        <source>%1 is missing or unreadable (%2); it is part of %3. Restore the folder from a copy, or open project.json.bak.</source>
        <translation>%1 缺失或无法读取（%2），它是 %3 的一部分。请从副本恢复该文件夹，或打开 project.json.bak。</translation>
    </message>
    <message>
        <location filename="../../app/project_files.py" line="292"/>
        <source>%1 is damaged (its content does not match the checksum in %2). Restore it from a copy, or open project.json.bak.</source>
        <translation>%1 已损坏（内容与 %2 中记录的校验和不符）。请从副本恢复它，或打开 project.json.bak。</translation>
    </message>
    <message>
        <location filename="../../app/project_files.py" line="298"/>
        <source>%1 is not valid JSON (%2); restore it or open project.json.bak.</source>
        <translation>%1 不是有效的 JSON（%2）；请恢复它，或打开 project.json.bak。</translation>
    </message>
    <message>
        <location filename="../../app/project_files.py" line="301"/>
        <source>%1 is not a part of a Microdrama Studio project.</source>
        <translation>%1 不是 Microdrama Studio 项目的分片文件。</translation>
    </message>
</context>
</TS>
