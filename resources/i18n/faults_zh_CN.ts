<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <location filename="../../app/bundle.py" line="123"/>
        <source>{folder} already holds a project; choose another name or open it.</source>
        <translation>{folder} 里已经有一个项目；请换个名字，或直接打开它。</translation>
    </message>
    <message>
        <location filename="../../app/bundle.py" line="129"/>
        <source>Cannot create the project folder {folder}: {reason}.</source>
        <translation>无法创建项目文件夹 {folder}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/bundle.py" line="153"/>
        <source>Asset path {path!r} is not relative to the project bundle.</source>
        <translation>素材路径 {path!r} 不是相对于项目文件夹的路径。</translation>
    </message>
    <message>
        <location filename="../../app/bundle.py" line="158"/>
        <source>Asset path {path!r} points outside the project bundle; it was ignored.</source>
        <translation>素材路径 {path!r} 指向项目文件夹之外，已忽略。</translation>
    </message>
    <message>
        <location filename="../../app/bundle.py" line="182"/>
        <location filename="../../app/session.py" line="101"/>
        <source>{folder} is not a project folder (it does not exist).</source>
        <translation>{folder} 不是项目文件夹（它不存在）。</translation>
    </message>
    <message>
        <location filename="../../app/bundle.py" line="188"/>
        <source>{folder} has no backup ({file}) to open.</source>
        <translation>{folder} 中没有可打开的备份（{file}）。</translation>
    </message>
    <message>
        <location filename="../../app/bundle.py" line="193"/>
        <source>{folder} has no {file}; it is not a Microdrama Studio project.</source>
        <translation>{folder} 中没有 {file}，它不是 Microdrama Studio 项目。</translation>
    </message>
    <message>
        <location filename="../../app/bundle.py" line="196"/>
        <source>Cannot read {path}: {reason}. Check the folder&apos;s permissions.</source>
        <translation>无法读取 {path}：{reason}。请检查文件夹权限。</translation>
    </message>
    <message>
        <location filename="../../app/bundle.py" line="332"/>
        <source>{path} does not exist or is not a file.</source>
        <translation>{path} 不存在或不是文件。</translation>
    </message>
    <message>
        <location filename="../../app/bundle.py" line="335"/>
        <source>{name}: unsupported file type {suffix}.</source>
        <translation>{name}：不支持的文件类型 {suffix}。</translation>
    </message>
    <message>
        <location filename="../../app/bundle.py" line="354"/>
        <source>Could not copy {name} into the project: {reason}.</source>
        <translation>无法把 {name} 复制到项目中：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/bundle.py" line="395"/>
        <source>{folder} already holds a project; choose another name.</source>
        <translation>{folder} 里已经有一个项目，请换个名字。</translation>
    </message>
    <message>
        <location filename="../../app/recovery.py" line="99"/>
        <source>There is no autosave ({file}) in {folder} to recover.</source>
        <translation>{folder} 中没有可恢复的自动保存（{file}）。</translation>
    </message>
    <message>
        <location filename="../../app/recovery.py" line="102"/>
        <source>Cannot read the autosave {path}: {reason}.</source>
        <translation>无法读取自动保存 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/recovery.py" line="107"/>
        <source>The autosave cannot be recovered: {reason} Open the project without recovery.</source>
        <translation>自动保存无法恢复：{reason} 请不恢复直接打开项目。</translation>
    </message>
    <message>
        <location filename="../../app/media/export.py" line="120"/>
        <source>Episode {number} has nothing on its timeline to export.</source>
        <translation>第 {number} 集的时间线上没有可导出的内容。</translation>
    </message>
    <message>
        <location filename="../../app/media/export.py" line="127"/>
        <source>The folder {folder} does not exist; choose an existing folder for the export.</source>
        <translation>文件夹 {folder} 不存在，请选择一个已有的文件夹来导出。</translation>
    </message>
    <message>
        <location filename="../../app/media/export.py" line="130"/>
        <source>Cannot write to {folder}; choose a folder you can write to.</source>
        <translation>无法写入 {folder}，请选择一个可写入的文件夹。</translation>
    </message>
    <message>
        <location filename="../../app/media/export.py" line="181"/>
        <source>The disk is full (or the file is too large) while writing {name}; nothing was saved. Free some space or export to another drive.</source>
        <translation>写入 {name} 时磁盘已满（或文件过大），未保存任何内容。请腾出空间，或导出到其他磁盘。</translation>
    </message>
    <message>
        <location filename="../../app/media/export.py" line="184"/>
        <source>Export failed while writing {name}: {reason}. Nothing was saved.</source>
        <translation>写入 {name} 时导出失败：{reason}。未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/media/export.py" line="187"/>
        <source>Export failed: {reason}. Nothing was saved.</source>
        <translation>导出失败：{reason}。未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../app/media/export.py" line="219"/>
        <source>The video was saved, but the subtitle file {name} could not be written: {reason}.</source>
        <translation>视频已保存，但字幕文件 {name} 未能写入：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/media/export.py" line="331"/>
        <source>Export stopped after {done} of {total} frames.</source>
        <translation>导出在第 {done} / {total} 帧时停止。</translation>
    </message>
    <message>
        <location filename="../../app/media/importer.py" line="99"/>
        <source>Open or create a project before importing media.</source>
        <translation>请先打开或新建项目，再导入素材。</translation>
    </message>
    <message>
        <location filename="../../app/media/services.py" line="43"/>
        <source>No project is open.</source>
        <translation>没有打开的项目。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/otio_io.py" line="116"/>
        <source>Could not write {path}: {reason}.</source>
        <translation>无法写入 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/interchange/otio_io.py" line="234"/>
        <source>{path} is not a readable OpenTimelineIO file: {reason}</source>
        <translation>{path} 不是可读取的 OpenTimelineIO 文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/interchange/otio_io.py" line="237"/>
        <source>{path} holds no timeline.</source>
        <translation>{path} 中没有时间线。</translation>
    </message>
    <message>
        <location filename="../../app/script/importer.py" line="29"/>
        <source>Cannot read {path}: {reason}.</source>
        <translation>无法读取 {path}：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/script/importer.py" line="35"/>
        <source>{path} is neither UTF-8 nor GB18030 text; save it as UTF-8 and try again.</source>
        <translation>{path} 既不是 UTF-8 也不是 GB18030 文本，请另存为 UTF-8 后重试。</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/files.py" line="113"/>
        <source>The previous shot has no chosen clip to continue from.</source>
        <translation>上一个镜头没有选定的视频，无法接续。</translation>
    </message>
</context>
<context>
    <name>ProjectFile</name>
    <message>
        <location filename="../../app/model/schema.py" line="92"/>
        <source>%1 is empty (the save was probably interrupted). Restore the backup project.json.bak or the autosave.</source>
        <translation>%1 是空文件（保存可能被中断了）。请恢复备份 project.json.bak 或自动保存。</translation>
    </message>
    <message>
        <location filename="../../app/model/schema.py" line="98"/>
        <source>%1 is not UTF-8 text (%2).</source>
        <translation>%1 不是 UTF-8 文本（%2）。</translation>
    </message>
    <message>
        <location filename="../../app/model/schema.py" line="101"/>
        <source>%1 is not valid JSON (line %2, column %3: %4). It may be truncated; restore project.json.bak or the autosave.</source>
        <translation>%1 不是有效的 JSON（第 %2 行第 %3 列：%4）。文件可能被截断了；请恢复 project.json.bak 或自动保存。</translation>
    </message>
    <message>
        <location filename="../../app/model/schema.py" line="109"/>
        <source>%1 is not a Microdrama Studio project file.</source>
        <translation>%1 不是 Microdrama Studio 项目文件。</translation>
    </message>
    <message>
        <location filename="../../app/model/schema.py" line="113"/>
        <source>%1 has no valid schema_version.</source>
        <translation>%1 没有有效的 schema_version（格式版本）。</translation>
    </message>
    <message>
        <location filename="../../app/model/schema.py" line="116"/>
        <source>%1 was written by a newer Microdrama Studio (schema %2, this app reads up to %3). Update the app to open it; the file was left untouched.</source>
        <translation>%1 由更新版本的 Microdrama Studio 写入（格式版本 %2，本程序最高只能读取 %3）。请更新程序后再打开；文件未被改动。</translation>
    </message>
    <message>
        <location filename="../../app/model/schema.py" line="126"/>
        <source>%1 does not match the project schema: %2</source>
        <translation>%1 与项目格式不符：%2</translation>
    </message>
    <message>
        <location filename="../../app/model/serial.py" line="120"/>
        <source>%1: unexpected value %2</source>
        <translation>%1：意外的值 %2</translation>
    </message>
    <message>
        <location filename="../../app/model/serial.py" line="129"/>
        <source>%1: expected a list, found %2</source>
        <translation>%1：应为列表，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../app/model/serial.py" line="141"/>
        <location filename="../../app/model/serial.py" line="153"/>
        <source>%1: expected an object, found %2</source>
        <translation>%1：应为对象，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../app/model/serial.py" line="174"/>
        <source>%1: %2 is not one of %3</source>
        <translation>%1：%2 不在可选值 %3 之中</translation>
    </message>
    <message>
        <location filename="../../app/model/serial.py" line="183"/>
        <source>%1: expected a number, found %2</source>
        <translation>%1：应为数字，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../app/model/serial.py" line="192"/>
        <source>%1: expected a whole number, found %2</source>
        <translation>%1：应为整数，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../app/model/serial.py" line="201"/>
        <source>%1: expected true or false, found %2</source>
        <translation>%1：应为 true 或 false，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../app/model/serial.py" line="210"/>
        <source>%1: expected text, found %2</source>
        <translation>%1：应为文本，实际为 %2</translation>
    </message>
    <message>
        <location filename="../../app/bundle.py" line="73"/>
        <source>A good backup from %1 exists (%2): open it instead (the editor offers this; `microdrama info --use-backup` reads it; or copy it over %3). The damaged %4 is kept.</source>
        <translation>存在 %1 的完好备份（%2）：请改为打开它（编辑器会提示此操作；`microdrama info --use-backup` 可读取它；也可以把它复制覆盖 %3）。损坏的 %4 会被保留。</translation>
    </message>
    <message>
        <location filename="../../app/bundle.py" line="78"/>
        <source>The backup %1 is damaged too; recover the autosave if one is offered.</source>
        <translation>备份 %1 也已损坏；如果提示有自动保存，请恢复自动保存。</translation>
    </message>
    <message>
        <location filename="../../app/bundle.py" line="191"/>
        <source>%1 is missing.</source>
        <translation>%1 不见了。</translation>
    </message>
</context>
<context>
    <name>ProjectValidation</name>
    <message>
        <location filename="../../app/model/validate.py" line="124"/>
        <source>%1%2 is out of range (allowed %3 to %4)</source>
        <translation>%1%2 超出范围（允许 %3 到 %4）</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="130"/>
        <source>%1 frames is beyond any episode (at most %2, 24 hours at %3 fps)</source>
        <translation>%1 帧超出了任何一集的长度（最多 %2 帧，即 %3 fps 下的 24 小时）</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="135"/>
        <source>%1 frames is too short (at least %2)</source>
        <translation>%1 帧太短（至少 %2 帧）</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="137"/>
        <source>%1 frames is negative</source>
        <translation>%1 帧是负数</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="141"/>
        <source>NaN is not a number</source>
        <translation>NaN 不是数字</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="145"/>
        <source>%1 is not a finite number</source>
        <translation>%1 不是有限的数字</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="147"/>
        <source>%1 is out of range (allowed %2 to %3)</source>
        <translation>%1 超出范围（允许 %2 到 %3）</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="157"/>
        <source>the id is empty</source>
        <translation>ID 为空</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="160"/>
        <source>the id %1 is used twice (also at %2); each must be unique</source>
        <translation>ID %1 被重复使用（另见 %2）；每个 ID 都必须唯一</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="187"/>
        <source>episode %1 appears twice (also episodes[%2])</source>
        <translation>第 %1 集出现了两次（另见 episodes[%2]）</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="199"/>
        <source>the id %1 differs from its key %2</source>
        <translation>ID %1 与其键 %2 不一致</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="281"/>
        <source>the clip ends at frame %1, beyond any episode (at most %2)</source>
        <translation>片段结束于第 %1 帧，超出了任何一集的长度（最多 %2 帧）</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="299"/>
        <source>%1 must be greater than 0</source>
        <translation>%1 必须大于 0</translation>
    </message>
    <message>
        <location filename="../../app/model/validate.py" line="308"/>
        <source>expected a number, found %1</source>
        <translation>应为数字，实际为 %1</translation>
    </message>
    <message>
        <location filename="../../app/model/schema.py" line="131"/>
        <source>%1 holds a value no project can have: %2</source>
        <translation>%1 含有项目不可能有的值：%2</translation>
    </message>
    <message>
        <location filename="../../app/model/schema.py" line="137"/>
        <source>%1 nests lists or objects more than %2 levels deep; it is damaged or not a project file. Restore project.json.bak or the autosave.</source>
        <translation>%1 的列表或对象嵌套超过 %2 层；文件已损坏或不是项目文件。请恢复 project.json.bak 或自动保存。</translation>
    </message>
</context>
</TS>
