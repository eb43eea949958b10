<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ProjectFile</name>
    <message>
        <location filename="../../app/model/schema.py" line="92" />
        <source>%1 is empty (the save was probably interrupted). Restore the backup project.json.bak or the autosave.</source>
        <translation>%1 是空文件（保存可能被中断了）。请恢复备份 project.json.bak 或自动保存。</translation>
    </message>
    <message>
        <location filename="../../app/model/schema.py" line="98" />
        <source>%1 is not UTF-8 text (%2).</source>
        <translation>%1 不是 UTF-8 文本（%2）。</translation>
    </message>
    <message>
        <location filename="../../app/model/schema.py" line="101" />
        <source>%1 is not valid JSON (line %2, column %3: %4). It may be truncated; restore project.json.bak or the autosave.</source>
        <translation>%1 不是有效的 JSON（第 %2 行第 %3 列：%4）。文件可能被截断了；请恢复 project.json.bak 或自动保存。</translation>
    </message>
    <message>
        <location filename="../../app/model/schema.py" line="109" />
        <source>%1 is not a Microdrama Studio project file.</source>
        <translation>%1 不是 Microdrama Studio 项目文件。</translation>
    </message>
    <message>
        <location filename="../../app/model/schema.py" line="113" />
        <source>%1 has no valid schema_version.</source>
        <translation>%1 没有有效的 schema_version（格式版本）。</translation>
    </message>
    <message>
        <location filename="../../app/model/schema.py" line="116" />
        <source>%1 was written by a newer Microdrama Studio (schema %2, this app reads up to %3). Update the app to open it; the file was left untouched.</source>
        <translation>%1 由更新版本的 Microdrama Studio 写入（格式版本 %2，本程序最高只能读取 %3）。请更新程序后再打开；文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../app/model/schema.py" line="126" />
        <source>%1 does not match the project schema: %2</source>
        <translation>%1 与项目格式不符：%2</translation>
    </message>
    <message>
        <location filename="../../app/model/serial.py" line="120" />
        <source>%1: unexpected value %2</source>
        <translation>%1：意外的值 %2</translation>
    </message>
    <message>
        <location filename="../../app/model/serial.py" line="129" />
        <source>%1: expected a list, found %2</source>
        <translation>%1：应为列表，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../app/model/serial.py" line="141" />
        <location filename="../../app/model/serial.py" line="153" />
        <source>%1: expected an object, found %2</source>
        <translation>%1：应为对象，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../app/model/serial.py" line="174" />
        <source>%1: %2 is not one of %3</source>
        <translation>%1：%2 不在可选值 %3 之中</translation>
    </message>
    <message>
        <location filename="../../app/model/serial.py" line="183" />
        <source>%1: expected a number, found %2</source>
        <translation>%1：应为数字，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../app/model/serial.py" line="192" />
        <source>%1: expected a whole number, found %2</source>
        <translation>%1：应为整数，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../app/model/serial.py" line="201" />
        <source>%1: expected true or false, found %2</source>
        <translation>%1：应为 true 或 false，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../app/model/serial.py" line="210" />
        <source>%1: expected text, found %2</source>
        <translation>%1：应为文本，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../app/bundle.py" line="73" />
        <source>A good backup from %1 exists (%2): open it instead (the editor offers this; `microdrama info --use-backup` reads it; or copy it over %3). The damaged %4 is kept.</source>
        <translation>存在 %1 的完好备份（%2）：请改为打开它（编辑器会提示此操作；`microdrama info --use-backup` 可读取它；也可以把它复制覆盖 %3）。损坏的 %4 会被保留。</translation>
    </message>
    <message>
        <location filename="../../app/bundle.py" line="78" />
        <source>The backup %1 is damaged too; recover the autosave if one is offered.</source>
        <translation>备份 %1 也已损坏；如果提示有自动保存，请恢复自动保存。</translation>
    </message>
    <message>
        <location filename="../../app/bundle.py" line="187" />
        <source>%1 is missing.</source>
        <translation>%1 不见了。</translation>
    </message>
</context>
<context>
    <name>ProjectValidation</name>
    <message>
        <location filename="../../app/model/validate.py" line="93" />
        <source>%1%2 is out of range (allowed %3 to %4)</source>
        <translation>%1%2 超出范围（允许 %3 到 %4）</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="99" />
        <source>%1 frames is beyond any episode (at most %2, 24 hours at %3 fps)</source>
        <translation>%1 帧超出了任何一集的长度（最多 %2 帧，即 %3 fps 下的 24 小时）</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="104" />
        <source>%1 frames is too short (at least %2)</source>
        <translation>%1 帧太短（至少 %2 帧）</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="106" />
        <source>%1 frames is negative</source>
        <translation>%1 帧是负数</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="110" />
        <source>NaN is not a number</source>
        <translation>NaN 不是数字</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="114" />
        <source>%1 is not a finite number</source>
        <translation>%1 不是有限的数字</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="116" />
        <source>%1 is out of range (allowed %2 to %3)</source>
        <translation>%1 超出范围（允许 %2 到 %3）</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="126" />
        <source>the id is empty</source>
        <translation>ID 为空</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="129" />
        <source>the id %1 is used twice (also at %2); each must be unique</source>
        <translation>ID %1 被重复使用（另见 %2）；每个 ID 都必须唯一</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="156" />
        <source>episode %1 appears twice (also episodes[%2])</source>
        <translation>第 %1 集出现了两次（另见 episodes[%2]）</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="168" />
        <source>the id %1 differs from its key %2</source>
        <translation>ID %1 与其键 %2 不一致</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="235" />
        <source>the clip ends at frame %1, beyond any episode (at most %2)</source>
        <translation>片段结束于第 %1 帧，超出了任何一集的长度（最多 %2 帧）</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="254" />
        <source>%1 must be greater than 0</source>
        <translation>%1 必须大于 0</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="263" />
        <source>expected a number, found %1</source>
        <translation>应为数字，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../app/model/schema.py" line="131" />
        <source>%1 holds a value no project can have: %2</source>
        <translation>%1 含有项目不可能有的值：%2</translation>
    </message>
    <message>
        <location filename="../../app/model/schema.py" line="137" />
        <source>%1 nests lists or objects more than %2 levels deep; it is damaged or not a project file. Restore project.json.bak or the autosave.</source>
        <translation>%1 的列表或对象嵌套超过 %2 层；文件已损坏或不是项目文件。请恢复 project.json.bak 或自动保存。</translation>
    </message>
</context>
</TS>