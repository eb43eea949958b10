<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Errors</name>
    <message>
        <source>The disk is full (or the file size limit was reached): free some space and save again</source>
        <translation>磁盘已满（或已达到文件大小上限）：请腾出空间后再保存</translation>
    </message>
    <message>
        <source>The folder is read-only: make it writable, or use File &gt; Save As to save a copy somewhere else</source>
        <translation>文件夹是只读的：请改为可写，或用“文件 &gt; 另存为”把副本保存到别处</translation>
    </message>
    <message>
        <source>Check the disk and save again, or save a copy somewhere else</source>
        <translation>请检查磁盘后再保存，或把副本保存到别处</translation>
    </message>
    <message>
        <source>Could not save {path}: {reason}. Your work is still open and unsaved; the last saved version on disk is intact. {advice}.</source>
        <translation>无法保存 {path}：{reason}。你的工作仍然打开着，尚未保存；磁盘上上次保存的版本完好无损。{advice}。</translation>
    </message>
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
    <name>InterchangeTasks</name>
    <message>
        <location filename="../../app/interchange/tasks.py" line="92"/>
        <source>Import timeline from {name}</source>
        <translation>从 {name} 导入时间线</translation>
    </message>
</context>
<context>
    <name>MediaAudioIo</name>
    <message>
        <location filename="../../app/media/audio_io.py" line="46"/>
        <location filename="../../app/media/audio_io.py" line="86"/>
        <source>{name} is missing ({path}); relink or re-import it.</source>
        <translation>{name} 缺失（{path}）；请重新链接或重新导入。</translation>
    </message>
    <message>
        <location filename="../../app/media/audio_io.py" line="48"/>
        <source>{name} cannot be read as audio ({exc}); the file may be damaged.</source>
        <translation>无法将 {name} 作为音频读取（{exc}），文件可能已损坏。</translation>
    </message>
    <message>
        <location filename="../../app/media/audio_io.py" line="69"/>
        <source>{name}: decoding its audio failed ({exc}); the file is damaged.</source>
        <translation>{name}：音频解码失败（{exc}），文件已损坏。</translation>
    </message>
</context>
<context>
    <name>MediaDecode</name>
    <message>
        <location filename="../../app/media/decode.py" line="61"/>
        <source>{name} cannot be opened for decoding ({exc}).</source>
        <translation>无法打开 {name} 进行解码（{exc}）。</translation>
    </message>
    <message>
        <location filename="../../app/media/decode.py" line="65"/>
        <source>{name} has no video stream.</source>
        <translation>{name} 没有视频流。</translation>
    </message>
    <message>
        <location filename="../../app/media/decode.py" line="108"/>
        <source>{name}: frame {i} could not be decoded; the file may be damaged.</source>
        <translation>{name}：第 {i} 帧无法解码，文件可能已损坏。</translation>
    </message>
    <message>
        <location filename="../../app/media/decode.py" line="130"/>
        <source>{name}: decoding failed ({exc}); the file may be damaged.</source>
        <translation>{name}：解码失败（{exc}），文件可能已损坏。</translation>
    </message>
    <message>
        <location filename="../../app/media/decode.py" line="245"/>
        <source>{name} is missing ({path}); the clip is offline. Relink or re-import the file.</source>
        <translation>{name} 缺失（{path}），该片段已离线。请重新链接或重新导入文件。</translation>
    </message>
    <message>
        <location filename="../../app/media/decode.py" line="301"/>
        <source>{name} has no video stream to show.</source>
        <translation>{name} 没有可显示的视频流。</translation>
    </message>
    <message>
        <location filename="../../app/media/decode.py" line="305"/>
        <source>{name} cannot be read as video ({exc}); it may be damaged.</source>
        <translation>无法将 {name} 作为视频读取（{exc}），文件可能已损坏。</translation>
    </message>
    <message>
        <location filename="../../app/media/decode.py" line="307"/>
        <source>{name} contains no video frames.</source>
        <translation>{name} 不含任何视频帧。</translation>
    </message>
</context>
<context>
    <name>MediaImporter</name>
    <message>
        <location filename="../../app/media/importer.py" line="79"/>
        <source>{name} contains no audio samples (zero length).</source>
        <translation>{name} 不含任何音频采样（长度为零）。</translation>
    </message>
</context>
<context>
    <name>MediaProbe</name>
    <message>
        <location filename="../../app/media/probe.py" line="45"/>
        <source>{name}: the file is missing ({path}). Relink or re-import it.</source>
        <translation>{name}：文件缺失（{path}）。请重新链接或重新导入。</translation>
    </message>
    <message>
        <location filename="../../app/media/probe.py" line="47"/>
        <source>{name} is not a file.</source>
        <translation>{name} 不是文件。</translation>
    </message>
    <message>
        <location filename="../../app/media/probe.py" line="49"/>
        <source>{name} is empty (0 bytes). The download or export that made it probably failed; fetch or render it again.</source>
        <translation>{name} 是空文件（0 字节）。生成它的下载或导出可能失败了；请重新获取或渲染。</translation>
    </message>
    <message>
        <location filename="../../app/media/probe.py" line="53"/>
        <source>{name} looks like an image but its header is damaged ({exc}). Re-export or download it again.</source>
        <translation>{name} 看起来是图像，但文件头已损坏（{exc}）。请重新导出或重新下载。</translation>
    </message>
    <message>
        <location filename="../../app/media/probe.py" line="55"/>
        <source>Cannot read {name}: {value}.</source>
        <translation>无法读取 {name}：{value}。</translation>
    </message>
    <message>
        <location filename="../../app/media/probe.py" line="64"/>
        <source>{name}: the image header gives no size ({w}x{h}); the file is damaged.</source>
        <translation>{name}：图像文件头没有给出尺寸（{w}x{h}），文件已损坏。</translation>
    </message>
    <message>
        <location filename="../../app/media/probe.py" line="67"/>
        <source>{name} is {w}x{h} pixels ({value:.0f} megapixels), larger than the {value2} megapixels a still may have. Scale it down (a vertical episode needs at most 2160x3840) and import it again.</source>
        <translation>{name} 为 {w}x{h} 像素（{value:.0f} 百万像素），超过静帧允许的 {value2} 百万像素。请缩小后重新导入（竖屏剧集最多需要 2160x3840）。</translation>
    </message>
    <message>
        <location filename="../../app/media/probe.py" line="81"/>
        <source>{name} is not a video, image or audio file that can be read, or it is damaged or incomplete ({reason}). Re-export or download it again.</source>
        <translation>{name} 不是可读取的视频、图像或音频文件，或者已损坏、不完整（{reason}）。请重新导出或重新下载。</translation>
    </message>
    <message>
        <location filename="../../app/media/probe.py" line="103"/>
        <source>{name} contains no video or audio stream; it cannot be used in an episode.</source>
        <translation>{name} 不含视频流或音频流，无法用于剧集。</translation>
    </message>
    <message>
        <location filename="../../app/media/probe.py" line="115"/>
        <source>{name} is {width}x{height}, too large to edit; transcode it to at most 4K.</source>
        <translation>{name} 的尺寸为 {width}x{height}，太大无法编辑；请转码为不超过 4K。</translation>
    </message>
    <message>
        <location filename="../../app/media/probe.py" line="121"/>
        <source>{name} is damaged: reading its video failed ({reason}). Re-export or download it again.</source>
        <translation>{name} 已损坏：读取视频失败（{reason}）。请重新导出或重新下载。</translation>
    </message>
    <message>
        <location filename="../../app/media/probe.py" line="123"/>
        <source>{name} has a video stream without any frames; the file is incomplete.</source>
        <translation>{name} 的视频流中没有任何帧，文件不完整。</translation>
    </message>
    <message>
        <location filename="../../app/media/probe.py" line="126"/>
        <source>{name} is truncated: its header lists {header_frames} frames but only {frames} are in the file. The download or export was cut short; fetch it again.</source>
        <translation>{name} 被截断：文件头记录了 {header_frames} 帧，但文件中只有 {frames} 帧。下载或导出被中断，请重新获取。</translation>
    </message>
    <message>
        <location filename="../../app/media/probe.py" line="153"/>
        <source>{name}: no video frame could be decoded; the file is damaged.</source>
        <translation>{name}：没有任何视频帧能够解码，文件已损坏。</translation>
    </message>
    <message>
        <location filename="../../app/media/probe.py" line="155"/>
        <source>{name}: its video cannot be decoded ({reason}). Re-export it as H.264 MP4 and import it again.</source>
        <translation>{name}：视频无法解码（{reason}）。请重新导出为 H.264 MP4 后再导入。</translation>
    </message>
    <message>
        <location filename="../../app/media/probe.py" line="180"/>
        <source>{name} is damaged: reading its audio failed ({reason}).</source>
        <translation>{name} 已损坏：读取音频失败（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../app/media/probe.py" line="185"/>
        <source>{name} contains no audio (zero length). Record or export it again.</source>
        <translation>{name} 不含音频（长度为零）。请重新录制或导出。</translation>
    </message>
    <message>
        <location filename="../../app/media/probe.py" line="187"/>
        <source>{name}: the audio stream has no sample rate; the file is damaged.</source>
        <translation>{name}：音频流没有采样率，文件已损坏。</translation>
    </message>
</context>
<context>
    <name>MediaProxy</name>
    <message>
        <location filename="../../app/media/proxy.py" line="53"/>
        <source>{name} has no video to make a proxy of.</source>
        <translation>{name} 没有可用于生成代理的视频。</translation>
    </message>
    <message>
        <location filename="../../app/media/proxy.py" line="80"/>
        <source>{name}: no frame could be decoded for its proxy.</source>
        <translation>{name}：无法解码任何帧来生成代理。</translation>
    </message>
    <message>
        <location filename="../../app/media/proxy.py" line="85"/>
        <source>Making a preview proxy of {name} failed ({exc}).</source>
        <translation>为 {name} 生成预览代理失败（{exc}）。</translation>
    </message>
</context>
<context>
    <name>MediaStills</name>
    <message>
        <location filename="../../app/media/stills.py" line="26"/>
        <source>{name}: cannot read the image ({exc}).</source>
        <translation>{name}：无法读取图像（{exc}）。</translation>
    </message>
    <message>
        <location filename="../../app/media/stills.py" line="28"/>
        <source>{name} is {width}x{height} pixels, too large to decode; scale it down and import it again.</source>
        <translation>{name} 为 {width}x{height} 像素，太大无法解码；请缩小后重新导入。</translation>
    </message>
    <message>
        <location filename="../../app/media/stills.py" line="32"/>
        <source>{name}: the file is missing or unreadable ({value}).</source>
        <translation>{name}：文件缺失或无法读取（{value}）。</translation>
    </message>
    <message>
        <location filename="../../app/media/stills.py" line="37"/>
        <source>{name} could not be decoded as an image; the file is damaged or in an unsupported format. Re-export it as PNG or JPEG.</source>
        <translation>无法将 {name} 解码为图像：文件已损坏或格式不受支持。请重新导出为 PNG 或 JPEG。</translation>
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
<context>
    <name>ScriptImporter</name>
    <message>
        <location filename="../../app/script/importer.py" line="51"/>
        <source>Import screenplay</source>
        <translation>导入剧本</translation>
    </message>
    <message>
        <location filename="../../app/script/importer.py" line="72"/>
        <source>Break down screenplay</source>
        <translation>拆解剧本</translation>
    </message>
</context>
<context>
    <name>StoryboardFiles</name>
    <message>
        <location filename="../../app/storyboard/files.py" line="88"/>
        <location filename="../../app/storyboard/files.py" line="96"/>
        <source>Import {count} file(s) to shots</source>
        <translation>将 {count} 个文件导入镜头</translation>
    </message>
    <message>
        <location filename="../../app/storyboard/files.py" line="145"/>
        <source>Continuity frame for {code}</source>
        <translation>{code} 的衔接帧</translation>
    </message>
</context>
</TS>
