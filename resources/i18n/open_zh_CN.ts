<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ProjectFile</name>
    <message>
        <location filename="../../app/lazy_season.py" line="42" />
        <source>%1 is not a Microdrama Studio project file.</source>
        <translation>%1 不是 Microdrama Studio 项目文件。</translation>
    </message>
    <message>
        <location filename="../../app/lazy_season.py" line="47" />
        <source>%1 does not match the project schema: %2</source>
        <translation>%1 与项目格式不符：%2</translation>
    </message>
    <message>
        <location filename="../../app/lazy_season.py" line="54" />
        <source>%1 must be a list of part files</source>
        <translation>%1 必须是分片文件的列表</translation>
    </message>
    <message>
        <location filename="../../app/lazy_season.py" line="88" />
        <source>%1 was written by a newer Microdrama Studio (schema %2, this app reads up to %3). Update the app to open it; the file was left untouched.</source>
        <translation>%1 由更新版本的 Microdrama Studio 写入（格式版本 %2，本程序最高只能读取 %3）。请更新程序后再打开；文件未被改动。</translation>
    </message>
</context>
<context>
    <name>ProjectValidation</name>
    <message>
        <location filename="../../app/lazy_season.py" line="77" />
        <location filename="../../app/lazy_season.py" line="134" />
        <source>%1 holds a value no project can have: %2</source>
        <translation>%1 含有项目不可能有的值：%2</translation>
    </message>
</context>
<context>
    <name>UnreadEpisodes</name>
    <message>
        <location filename="../../app/unread_episodes.py" line="36" />
        <source>Episode %1 (%2) could not be read: %3 It is shown empty. Its file is kept as it is: saving does not overwrite it, and edits made to this episode are not saved. Close the project and restore the file from a copy, or open project.json.bak.</source>
        <translation>第 %1 集（%2）无法读取：%3该集暂时显示为空。它的文件保持原样：保存不会覆盖它，对这一集所做的修改也不会保存。请关闭项目，从副本恢复该文件，或打开 project.json.bak。</translation>
    </message>
</context>
</TS>