<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../app/keyfile.py" line="108"/>
        <source>The key file %1 cannot be read (%2). Move it away and enter your API keys again.</source>
        <translation>无法读取密钥文件 %1（%2）。请将其移走，然后重新输入 API 密钥。</translation>
    </message>
    <message>
        <location filename="../../app/keyfile.py" line="119"/>
        <source>That passphrase does not open the key file. Check it and try again.</source>
        <translation>此口令无法打开密钥文件。请检查后重试。</translation>
    </message>
    <message>
        <location filename="../../app/keyfile.py" line="135"/>
        <source>The API keys are in an encrypted key file and no passphrase was given. Open Edit → Providers… and enter it when asked (or set %1).</source>
        <translation>API 密钥保存在加密的密钥文件中，但未提供口令。请打开“编辑 → 服务商…”，在询问时输入口令（或设置环境变量 %1）。</translation>
    </message>
    <message>
        <location filename="../../app/keyfile.py" line="199"/>
        <source>Passphrase of the key file %1: </source>
        <translation>密钥文件 %1 的口令：</translation>
    </message>
    <message>
        <location filename="../../app/keyfile.py" line="200"/>
        <source>Repeat the passphrase: </source>
        <translation>再次输入口令：</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="108"/>
        <source>The system keyring could not be read (%1). Unlock it, or set %2 in the environment instead.</source>
        <translation>无法读取系统密钥环（%1）。请解锁密钥环，或改为在环境变量中设置 %2。</translation>
    </message>
    <message>
        <location filename="../../app/secrets.py" line="143"/>
        <source>The key for %1 was not saved: %2</source>
        <translation>%1 的密钥未保存：%2</translation>
    </message>
</context>
<context>
    <name>Jobs</name>
    <message>
        <location filename="../../app/jobs/generation.py" line="1"/>
        <source>There is nothing left to collect; “Generate Again” creates a new, paid task (≈{cost}).</source>
        <translation>已没有可取回的结果；“重新生成”会创建一个新的付费任务（≈{cost}）。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="202"/>
        <source>Submitting to {provider}…</source>
        <translation>正在提交到 {provider}…</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="297"/>
        <source>the task failed</source>
        <translation>任务失败</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="301"/>
        <source>{provider}: the task was cancelled on the vendor&apos;s side.</source>
        <translation>{provider}：任务已在服务商一侧被取消。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="309"/>
        <source>Waiting for {provider}</source>
        <translation>等待 {provider} 生成</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="311"/>
        <source> (position {n} in queue)</source>
        <translation>（队列第 {n} 位）</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="324"/>
        <source>{provider} finished but returned no file.</source>
        <translation>{provider} 已完成，但没有返回文件。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="332"/>
        <location filename="../../app/jobs/generation.py" line="334"/>
        <source>Downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <location filename="../../app/jobs/manager.py" line="213"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <location filename="../../app/jobs/manager.py" line="266"/>
        <source>Queue paused.</source>
        <translation>队列已暂停。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/manager.py" line="335"/>
        <source>The app closed while this job was being submitted. The vendor may have started it: check your account on the vendor&apos;s site before retrying.</source>
        <translation>提交此任务时应用被关闭。服务商可能已开始处理：重试前请先在服务商网站上查看您的账户。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/manager.py" line="488"/>
        <source>Queue paused: “{title}” (about {cost}) would bring episode {number} to {total}, over its budget of {budget}. Raise the budget, cancel the job, or resume to run it anyway.</source>
        <translation>队列已暂停：“{title}”（约 {cost}）会使第 {number} 集的花费达到 {total}，超出预算 {budget}。请提高预算、取消该任务，或点击继续以仍然运行。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/manager.py" line="572"/>
        <source>Retrying in {seconds} s: {message}</source>
        <translation>{seconds} 秒后重试：{message}</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="207"/>
        <source>Could not record the job on disk before sending it, so nothing was sent: {reason}</source>
        <translation>发送前无法把任务记录到磁盘，因此没有发送任何请求：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="256"/>
        <source>Looking for the task at {provider}…</source>
        <translation>正在 {provider} 查找该任务…</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="274"/>
        <source>{provider} may have created and billed this task, but its answer never reached us (sent {time}, model {model}, prompt “{prompt}”). It cannot be looked up automatically. Check your account on {provider}&apos;s site; Retry creates a new, paid task.</source>
        <translation>{provider} 可能已创建并扣费了这个任务，但回复没有送达（发送于 {time}，模型 {model}，提示词“{prompt}”）。无法自动查找该任务。请到 {provider} 网站核对账户；点“重试”会新建一个付费任务。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="304"/>
        <source>{provider} has not finished the task after {minutes} minutes. Retry keeps waiting for the same task (nothing is paid again).</source>
        <translation>{provider} 在 {minutes} 分钟后仍未完成任务。点“重试”会继续等待同一个任务（不会重复扣费）。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="347"/>
        <source>Retry downloads the finished result again (nothing is paid again).</source>
        <translation>点“重试”会重新下载已完成的结果（不会重复扣费）。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="350"/>
        <source>Retry keeps waiting for the same task (nothing is paid again).</source>
        <translation>点“重试”会继续等待同一个任务（不会重复扣费）。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/manager.py" line="580"/>
        <source>Gave up after {n} failed attempts: {message}</source>
        <translation>失败 {n} 次后已放弃：{message}</translation>
    </message>
    <message>
        <location filename="../../app/jobs/generation.py" line="191"/>
        <source>{provider} keeps breaking off its answers; nothing was created. Will retry.</source>
        <translation>{provider} 的回复一再中断；没有创建任何任务。稍后会重试。</translation>
    </message>
</context>
<context>
    <name>JobsActions</name>
    <message>
        <location filename="../../app/jobs/actions.py" line="1"/>
        <source>Clip {shot}</source>
        <translation>视频片段 {shot}</translation>
    </message>
    <message>
        <location filename="../../app/jobs/actions.py" line="1"/>
        <source>Still {shot}</source>
        <translation>静帧 {shot}</translation>
    </message>
    <message>
        <location filename="../../app/jobs/actions.py" line="36"/>
        <source>Music E{number:02d}</source>
        <translation>第 {number:02d} 集配乐</translation>
    </message>
    <message>
        <location filename="../../app/jobs/actions.py" line="86"/>
        <source>{shot_label}: locked, left as it is</source>
        <translation>{shot_label}：已锁定，保持不变</translation>
    </message>
    <message>
        <location filename="../../app/jobs/actions.py" line="96"/>
        <source>{shot_label}: no chosen still, so no clip</source>
        <translation>{shot_label}：尚未选定静帧，因此不生成视频片段</translation>
    </message>
</context>
<context>
    <name>JobsBatch</name>
    <message>
        <location filename="../../app/jobs/batch.py" line="214"/>
        <source>Write image prompt</source>
        <translation>撰写图像提示词</translation>
    </message>
    <message>
        <location filename="../../app/jobs/batch.py" line="216"/>
        <source>Prompt {shot_label}</source>
        <translation>为 {shot_label} 写提示词</translation>
    </message>
</context>
<context>
    <name>JobsLanding</name>
    <message>
        <location filename="../../app/jobs/landing.py" line="52"/>
        <source>The provider returned {name}, which is not an image, video or audio file.</source>
        <translation>服务商返回的 {name} 不是图像、视频或音频文件。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/landing.py" line="71"/>
        <source>{name} is not a readable image; the download was discarded.</source>
        <translation>{name} 不是可读取的图像，已丢弃该下载。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/landing.py" line="81"/>
        <source>{name} has no video stream; the download was discarded.</source>
        <translation>{name} 没有视频流，已丢弃该下载。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/landing.py" line="83"/>
        <source>{name} has no audio stream; the download was discarded.</source>
        <translation>{name} 没有音频流，已丢弃该下载。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/landing.py" line="89"/>
        <source>{name} holds no decodable picture; the download was discarded.</source>
        <translation>{name} 中没有可解码的画面，已丢弃该下载。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/landing.py" line="100"/>
        <source>{name} does not decode as {value} ({__name__}); the download was discarded.</source>
        <translation>{name} 无法按 {value} 解码（{__name__}），已丢弃该下载。</translation>
    </message>
</context>
<context>
    <name>JobsManager</name>
    <message>
        <location filename="../../app/jobs/manager.py" line="190"/>
        <source>Save the project before generating: results are stored inside it.</source>
        <translation>生成前请先保存项目：生成结果会存放在项目中。</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="1"/>
        <source>Generate Again…</source>
        <translation>重新生成…</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="1"/>
        <source>Generate Again (≈{cost})</source>
        <translation>重新生成（≈{cost}）</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="1"/>
        <source>Generate again?</source>
        <translation>重新生成？</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="1"/>
        <source>The vendor no longer has {n} of these tasks (they expired or were removed there), so their results cannot be collected. Generate them again as new, paid tasks?</source>
        <translation>服务商那边已没有其中 {n} 个任务（已过期或被删除），无法取回结果。要作为新的付费任务重新生成吗？</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="1"/>
        <source>The vendor no longer has the task for “{title}” (it expired or was removed there), so its result cannot be collected. Generate again as a new, paid task?</source>
        <translation>服务商那边已没有“{title}”的任务（已过期或被删除），无法取回结果。要作为新的付费任务重新生成吗？</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="99"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="100"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="101"/>
        <source>Clear finished</source>
        <translation>清除已完成</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="102"/>
        <source>Budget…</source>
        <translation>预算…</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="121"/>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="130"/>
        <source>Job</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="130"/>
        <source>Provider</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="130"/>
        <source>For</source>
        <translation>用于</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="130"/>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="131"/>
        <source>Cost</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="131"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/commands.py" line="45"/>
        <source>Providers…</source>
        <translation>服务商…</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/commands.py" line="46"/>
        <source>Set Budget…</source>
        <translation>设置预算…</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/commands.py" line="48"/>
        <source>Missing Stills for This Episode</source>
        <translation>为本集生成缺少的静帧</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/commands.py" line="50"/>
        <source>Missing Clips for This Episode</source>
        <translation>为本集生成缺少的视频片段</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/commands.py" line="52"/>
        <source>Music Bed for This Episode</source>
        <translation>为本集生成背景音乐</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/commands.py" line="54"/>
        <source>Clear Finished Jobs</source>
        <translation>清除已完成的任务</translation>
    </message>
    <message>
        <source>Cannot generate</source>
        <translation type="vanished">无法生成</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/commands.py" line="77"/>
        <source>Nothing is missing.</source>
        <translation>没有缺少的内容。</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/commands.py" line="86"/>
        <source>Episode budget</source>
        <translation>本集预算</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/commands.py" line="87"/>
        <source>Budget for episode {n} in {currency} (0 = no budget):</source>
        <translation>第 {n} 集的预算（{currency}，0 = 不设预算）：</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/commands.py" line="91"/>
        <source>Set episode budget</source>
        <translation>设置本集预算</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="308"/>
        <source>{title}: {error}</source>
        <translation>{title}：{error}</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="318"/>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="331"/>
        <source>still</source>
        <translation>静帧</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="331"/>
        <source>clip</source>
        <translation>视频片段</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="331"/>
        <source>music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="338"/>
        <source>Episode {n}</source>
        <translation>第 {n} 集</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="343"/>
        <location filename="../../widgets/jobs/panel.py" line="399"/>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="343"/>
        <source>Waiting to retry</source>
        <translation>等待重试</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="344"/>
        <location filename="../../widgets/jobs/panel.py" line="399"/>
        <source>Running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="344"/>
        <source>Generating at the vendor</source>
        <translation>服务商生成中</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="345"/>
        <source>Downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="345"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="346"/>
        <location filename="../../widgets/jobs/panel.py" line="399"/>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="346"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="400"/>
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="417"/>
        <source>No episode open</source>
        <translation>未打开剧集</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="422"/>
        <source>Episode {n}: spent {spent}</source>
        <translation>第 {n} 集：已花费 {spent}</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="425"/>
        <source>, running ≈{pending}</source>
        <translation>，进行中 ≈{pending}</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="427"/>
        <source> of {budget} budget</source>
        <translation>，预算 {budget}</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="432"/>
        <source> (no budget set)</source>
        <translation>（未设预算）</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="285"/>
        <source>“{title}” may already have been created and billed at the vendor, but the answer never arrived, so its result cannot be collected. Retry creates a new, paid task. Check your account on the vendor&apos;s site first.</source>
        <translation>“{title}”可能已在服务商处创建并扣费，但回复没有送达，因此无法取回结果。点“重试”会新建一个付费任务。请先到服务商网站核对账户。</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="289"/>
        <source>{n} jobs may already have been created and billed at the vendor, but the answers never arrived, so their results cannot be collected. Retry creates a new, paid task for each. Check your account on the vendor&apos;s site first.</source>
        <translation>{n} 个任务可能已在服务商处创建并扣费，但回复没有送达，因此无法取回结果。点“重试”会为每个任务新建一个付费任务。请先到服务商网站核对账户。</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="292"/>
        <source>Pay again?</source>
        <translation>要再次付费吗？</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/panel.py" line="294"/>
        <source>Retry and pay again</source>
        <translation>重试并再次付费</translation>
    </message>
</context>
<context>
    <name>JobsPrompts</name>
    <message>
        <location filename="../../app/jobs/prompts.py" line="79"/>
        <source>Shot {value} has no image prompt or action to draw from.</source>
        <translation>镜头 {value} 没有可用于生成画面的图像提示词或动作描述。</translation>
    </message>
</context>
<context>
    <name>JobsProviderConfig</name>
    <message>
        <location filename="../../app/jobs/provider_config.py" line="32"/>
        <source>There is no provider named {name!r}. Known providers: {join}.</source>
        <translation>没有名为 {name!r} 的服务商。已知服务商：{join}。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/provider_config.py" line="83"/>
        <source>{label} is not set up: {join} missing. Enter it in Edit → Providers…, or set {env_name}.</source>
        <translation>{label} 尚未设置：缺少 {join}。请在“编辑 → 服务商…”中填写，或设置环境变量 {env_name}。</translation>
    </message>
</context>
<context>
    <name>JobsStore</name>
    <message>
        <location filename="../../app/jobs/store.py" line="58"/>
        <source>{project_file} now holds another project; the job records were not written. Save the open project under a new name.</source>
        <translation>{project_file} 现在存放的是另一个项目，任务记录未写入。请将当前打开的项目另存为新名称。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/store.py" line="65"/>
        <source>Could not record the job in {project_file}: {value}. Free some disk space; the generation is still running.</source>
        <translation>无法在 {project_file} 中记录该任务：{value}。请释放一些磁盘空间；生成仍在进行中。</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../widgets/settings/keyfile_prompt.py" line="29"/>
        <source>Key file passphrase</source>
        <translation>密钥文件口令</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/keyfile_prompt.py" line="32"/>
        <source>This computer has no system keyring, so your API keys will be kept in a file encrypted with a passphrase of your choice. You will be asked for it once each time the editor starts. It cannot be recovered: keep it somewhere safe.</source>
        <translation>这台电脑没有系统密钥环，因此您的 API 密钥将保存在一个用您自选口令加密的文件中。每次启动编辑器后会询问一次口令。口令无法找回，请妥善保管。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/keyfile_prompt.py" line="36"/>
        <source>Your API keys are kept in an encrypted key file. Enter its passphrase to use them in this session.</source>
        <translation>您的 API 密钥保存在加密的密钥文件中。请输入口令，以便在本次会话中使用。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/keyfile_prompt.py" line="47"/>
        <source>Passphrase:</source>
        <translation>口令：</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/keyfile_prompt.py" line="49"/>
        <source>Repeat:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/keyfile_prompt.py" line="72"/>
        <source>Enter a passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/keyfile_prompt.py" line="75"/>
        <source>The two passphrases differ.</source>
        <translation>两次输入的口令不一致。</translation>
    </message>
</context>
<context>
    <name>ProviderFields</name>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="12"/>
        <source>API key</source>
        <translation>API 密钥</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="13"/>
        <source>API token</source>
        <translation>API 令牌</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="14"/>
        <source>Access key</source>
        <translation>Access Key</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="15"/>
        <source>Auth token (if behind a proxy)</source>
        <translation>认证令牌（如经代理）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="16"/>
        <source>Base URL</source>
        <translation>服务地址</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="17"/>
        <source>Bearer token (optional)</source>
        <translation>Bearer 令牌（可选）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="18"/>
        <source>Chat model</source>
        <translation>对话模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="19"/>
        <source>Checkpoint</source>
        <translation>模型检查点</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="20"/>
        <source>Default motion</source>
        <translation>默认运动</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="21"/>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="22"/>
        <source>Image model</source>
        <translation>图像模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="23"/>
        <source>Image resolution</source>
        <translation>图像分辨率</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="24"/>
        <source>Image-to-video model</source>
        <translation>图生视频模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="25"/>
        <source>Image-to-video workflow</source>
        <translation>图生视频工作流</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="26"/>
        <source>Model (optional)</source>
        <translation>模型（可选）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="27"/>
        <source>Music model</source>
        <translation>音乐模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="28"/>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="29"/>
        <source>Secret key</source>
        <translation>Secret Key</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="30"/>
        <source>Speech model</source>
        <translation>语音模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="31"/>
        <source>Steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="32"/>
        <source>Strength</source>
        <translation>强度</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="33"/>
        <source>Text-to-image workflow</source>
        <translation>文生图工作流</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="34"/>
        <source>Text-to-video model</source>
        <translation>文生视频模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="35"/>
        <source>Timeout (s)</source>
        <translation>超时（秒）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="36"/>
        <source>Video mode</source>
        <translation>视频模式</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="37"/>
        <source>Video model</source>
        <translation>视频模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="38"/>
        <source>Voice</source>
        <translation>音色</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="39"/>
        <source>Wait for result (s, 0-60)</source>
        <translation>等待结果（秒，0-60）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="40"/>
        <source>Watched folder</source>
        <translation>监视文件夹</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="41"/>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="45"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="46"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="47"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="48"/>
        <source>Music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="49"/>
        <source>Speech</source>
        <translation>语音</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/field_labels.py" line="50"/>
        <source>Lip sync</source>
        <translation>对口型</translation>
    </message>
</context>
<context>
    <name>ProviderPage</name>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="83"/>
        <source>Nothing to test: this provider works offline.</source>
        <translation>无需测试：此服务商离线工作。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="112"/>
        <source>This is a service you run or rent yourself; Microdrama Studio only talks to the address you enter.</source>
        <translation>这是您自己运行或租用的服务；Microdrama Studio 只与您填写的地址通信。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="122"/>
        <source>Choose a preset…</source>
        <translation>选择预设…</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="126"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="141"/>
        <source>Parallel jobs</source>
        <translation>并行任务数</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="150"/>
        <source>Default for</source>
        <translation>默认用于</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="158"/>
        <source>Capability</source>
        <translation>能力</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="158"/>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="158"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="159"/>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="174"/>
        <source>Prices (used for estimates and budgets; {currency} per unit)</source>
        <translation>价格（用于估算和预算；每单位 {currency}）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="179"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="199"/>
        <location filename="../../widgets/settings/providers_dialog.py" line="245"/>
        <source>Set by {name}</source>
        <translation>由 {name} 设置</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="206"/>
        <source>Not set (kept in the system keyring once saved)</source>
        <translation>未设置（保存后存入系统钥匙串）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="208"/>
        <source>Not set (kept in the encrypted key file once saved)</source>
        <translation>未设置（保存后存放在加密的密钥文件中）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="322"/>
        <source>Testing…</source>
        <translation>正在测试…</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="204"/>
        <source>Uses the key entered for {vendor}</source>
        <translation>使用为 {vendor} 填写的密钥</translation>
    </message>
</context>
<context>
    <name>ProviderSetup</name>
    <message>
        <location filename="../../widgets/settings/provider_setup.py" line="25"/>
        <source>Cannot generate</source>
        <translation>无法生成</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_setup.py" line="30"/>
        <source>Set Up Providers…</source>
        <translation>设置服务商…</translation>
    </message>
</context>
<context>
    <name>ProviderTexts</name>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="12"/>
        <source>Kling AI</source>
        <translation>可灵 AI</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="13"/>
        <source>Kling&apos;s official API: text-to-video, image-to-video with end frame, images.</source>
        <translation>可灵官方 API：文生视频、图生视频（可设尾帧）、图片生成。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="14"/>
        <source>Global (Singapore)</source>
        <translation>海外（新加坡）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="15"/>
        <source>Mainland China (Beijing)</source>
        <translation>中国大陆（北京）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="16"/>
        <source>pro costs more; end frames (image_tail) need pro on most models</source>
        <translation>pro 价格更高；多数模型的尾帧（image_tail）需要 pro 模式</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="17"/>
        <source>OpenAI</source>
        <translation>OpenAI</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="18"/>
        <source>OpenAI&apos;s API: chat, image generation and text to speech.</source>
        <translation>OpenAI 的 API：对话、图片生成和语音合成。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="19"/>
        <source>Volcengine Ark / BytePlus (Seedance, Seedream)</source>
        <translation>火山方舟 / BytePlus（Seedance、Seedream）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="20"/>
        <source>ByteDance&apos;s Seedance video (text, start frame, start and end frame, reference images) and Seedream images, in China (Volcengine Ark) or internationally (BytePlus ModelArk).</source>
        <translation>字节跳动的 Seedance 视频（文生、首帧、首尾帧、参考图）和 Seedream 图片，国内用火山方舟，海外用 BytePlus ModelArk。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="21"/>
        <source>Mainland China (Volcengine Ark)</source>
        <translation>中国大陆（火山方舟）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="22"/>
        <source>International (BytePlus ModelArk)</source>
        <translation>海外（BytePlus ModelArk）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="23"/>
        <source>China: ark.cn-beijing.volces.com; international: ark.ap-southeast.bytepluses.com</source>
        <translation>国内：ark.cn-beijing.volces.com；海外：ark.ap-southeast.bytepluses.com</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="24"/>
        <source>url: a link valid 24 hours; b64_json: the image inside the answer</source>
        <translation>url：有效期 24 小时的链接；b64_json：图片直接在响应中返回</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="25"/>
        <source>Which platform&apos;s model names to use; auto: read from the base URL</source>
        <translation>使用哪个平台的模型名；auto：根据接口地址判断</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="26"/>
        <source>Alibaba DashScope (Wan, Qwen-Image)</source>
        <translation>阿里云百炼（万相、通义千问图像）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="27"/>
        <source>Alibaba&apos;s Wan video (text, start frame, start and end frame) and Qwen-Image / Wan images through Model Studio&apos;s async task API; Beijing, Singapore or Virginia.</source>
        <translation>阿里的万相视频（文生、首帧、首尾帧）和通义千问图像 / 万相图片，通过百炼的异步任务 API；可选北京、新加坡或弗吉尼亚。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="28"/>
        <source>International (Singapore)</source>
        <translation>海外（新加坡）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="29"/>
        <source>United States (Virginia)</source>
        <translation>美国（弗吉尼亚）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="30"/>
        <source>Beijing: dashscope.aliyuncs.com; Singapore: dashscope-intl.aliyuncs.com; Virginia: dashscope-us.aliyuncs.com</source>
        <translation>北京：dashscope.aliyuncs.com；新加坡：dashscope-intl.aliyuncs.com；弗吉尼亚：dashscope-us.aliyuncs.com</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="31"/>
        <source>MiniMax Hailuo</source>
        <translation>MiniMax 海螺</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="32"/>
        <source>MiniMax&apos;s Hailuo video models: text-to-video and first-frame image-to-video.</source>
        <translation>MiniMax 的海螺视频模型：文生视频和首帧图生视频。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="33"/>
        <source>Global</source>
        <translation>海外</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="34"/>
        <source>Mainland China</source>
        <translation>中国大陆</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="35"/>
        <source>Alibaba Qwen (DashScope)</source>
        <translation>阿里通义千问（百炼）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="36"/>
        <source>Qwen chat models through DashScope&apos;s OpenAI-compatible mode.</source>
        <translation>通过百炼的 OpenAI 兼容模式使用通义千问对话模型。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="37"/>
        <source>DeepSeek</source>
        <translation>DeepSeek（深度求索）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="38"/>
        <source>DeepSeek chat models (OpenAI-compatible API).</source>
        <translation>DeepSeek 对话模型（OpenAI 兼容 API）。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="39"/>
        <source>ComfyUI</source>
        <translation>ComfyUI</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="40"/>
        <source>Your own ComfyUI server running workflow templates with placeholders.</source>
        <translation>你自己的 ComfyUI 服务器，运行带占位符的工作流模板。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="41"/>
        <source>A ComfyUI server you run (local or remote).</source>
        <translation>你运行的 ComfyUI 服务器（本机或远程）。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="42"/>
        <source>A shipped template name or a path to a workflow JSON (API format)</source>
        <translation>内置模板名，或工作流 JSON（API 格式）的路径</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="43"/>
        <source>Other ComfyUI servers, separated by commas: URL [free|paid]. Jobs go to the least busy server that has the workflow&apos;s nodes and models. Local/LAN addresses are free. Raise Parallel jobs to about twice the number of servers.</source>
        <translation>其他 ComfyUI 服务器，用逗号分隔：URL [free|paid]。任务会发往最空闲且具备工作流所需节点和模型的服务器。本机/局域网地址视为免费。请把并行任务数调到服务器数量的两倍左右。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="44"/>
        <source>When a paid server dies mid-job, run the job again elsewhere (it may be billed twice)</source>
        <translation>付费服务器在任务中途失联时，在别处重新运行该任务（可能被重复计费）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="45"/>
        <source>MiniMax Music</source>
        <translation>MiniMax 音乐</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="46"/>
        <source>MiniMax&apos;s music models: an instrumental bed or a song from a text prompt, in one call.</source>
        <translation>MiniMax 的音乐模型：一次调用，用文字描述生成纯音乐背景或歌曲。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="47"/>
        <source>url: a link valid for hours; hex: the track inside the answer</source>
        <translation>url：有效数小时的链接；hex：音频直接在响应中返回</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="48"/>
        <source>MiniMax Speech</source>
        <translation>MiniMax 语音</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="49"/>
        <source>MiniMax&apos;s T2A v2 speech: Mandarin and English voices with emotions, and cloned voices.</source>
        <translation>MiniMax T2A v2 语音合成：带情绪的普通话和英语音色，以及克隆音色。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="50"/>
        <source>A system voice id or a voice you cloned</source>
        <translation>系统音色 ID，或你克隆的音色</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="51"/>
        <source>Alibaba Qwen-TTS / CosyVoice (DashScope)</source>
        <translation>阿里通义语音合成 / CosyVoice（百炼）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="52"/>
        <source>Alibaba&apos;s Qwen-TTS and CosyVoice voices (Mandarin, dialects, English) through DashScope.</source>
        <translation>通过百炼使用阿里的 Qwen-TTS 和 CosyVoice 音色（普通话、方言、英语）。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="53"/>
        <source>Qwen-TTS: Cherry, Serena, Ethan, Chelsie...; CosyVoice: e.g. longxiaochun_v2</source>
        <translation>Qwen-TTS：Cherry、Serena、Ethan、Chelsie……；CosyVoice：例如 longxiaochun_v2</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="54"/>
        <source>ElevenLabs</source>
        <translation>ElevenLabs</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="55"/>
        <source>ElevenLabs text to speech in many languages, with your cloned voices.</source>
        <translation>ElevenLabs 多语种语音合成，可使用你克隆的音色。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="56"/>
        <source>EU data residency</source>
        <translation>欧盟数据驻留</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="57"/>
        <source>A voice id from your ElevenLabs voice library, or a voice you cloned</source>
        <translation>你 ElevenLabs 音色库中的音色 ID，或你克隆的音色</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="58"/>
        <source>Ollama (local)</source>
        <translation>Ollama（本机）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="59"/>
        <source>A local Ollama server; free, private, no key.</source>
        <translation>本机的 Ollama 服务：免费、私密、无需密钥。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="60"/>
        <source>LM Studio (local)</source>
        <translation>LM Studio（本机）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="61"/>
        <source>LM Studio&apos;s local server; uses the model loaded there when the model is empty.</source>
        <translation>LM Studio 的本地服务；模型留空时使用其中已加载的模型。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="62"/>
        <source>llama.cpp server (local)</source>
        <translation>llama.cpp 服务（本机）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="63"/>
        <source>llama.cpp&apos;s llama-server; serves the model it was started with.</source>
        <translation>llama.cpp 的 llama-server；使用它启动时加载的模型。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="64"/>
        <source>Replicate</source>
        <translation>Replicate</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="65"/>
        <source>Hosted models on Replicate (predictions API).</source>
        <translation>Replicate 上托管的模型（predictions API）。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="66"/>
        <source>Prefer: wait — hold the submit request open up to this long</source>
        <translation>Prefer: wait——提交请求最多保持这么长时间等待结果</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="67"/>
        <source>fal.ai</source>
        <translation>fal.ai</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="68"/>
        <source>Hosted models on fal.ai (queue API).</source>
        <translation>fal.ai 上托管的模型（队列 API）。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="69"/>
        <source>My music service (Suno-style endpoint)</source>
        <translation>我的音乐服务（Suno 式接口）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="70"/>
        <source>Your own music generation service behind a small documented JSON contract.</source>
        <translation>你自己的音乐生成服务，遵循一份简单的 JSON 接口约定。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="71"/>
        <source>The URL of a music service you run or rent yourself. It must follow the contract in providers/music_endpoint.py. Not a Suno product.</source>
        <translation>你自己运行或租用的音乐服务地址，须遵循 providers/music_endpoint.py 中的约定。并非 Suno 官方产品。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="72"/>
        <source>Still to clip (offline pan/zoom)</source>
        <translation>静帧转视频（离线推拉摇移）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="73"/>
        <source>Turns a still into an H.264 clip with a smooth pan or zoom. No network, no key.</source>
        <translation>把静帧做成带平滑推拉摇移的 H.264 视频，无需联网，无需密钥。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="74"/>
        <source>How far it zooms or pans (0.02-0.5)</source>
        <translation>推拉或摇移的幅度（0.02-0.5）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="75"/>
        <source>Scratch voice (offline espeak-ng)</source>
        <translation>临时配音（离线 espeak-ng）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="76"/>
        <source>A robotic scratch voice for every character, Mandarin and English, made on this computer with espeak-ng. No network, no key; replace it with a vendor voice or a recording.</source>
        <translation>用本机 espeak-ng 为每个角色生成的机器临时配音（普通话和英语）。无需联网、无需密钥；之后请换成服务商音色或真人录音。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="77"/>
        <source>Import made elsewhere (Midjourney, Kling web, Suno web)</source>
        <translation>导入别处做好的素材（Midjourney、可灵网页版、Suno 网页版）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="78"/>
        <source>Files you made by hand in tools without an API, matched to shots by a shot code in the name.</source>
        <translation>在没有 API 的工具里手动做好的文件，按文件名中的镜头编号对应到镜头。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="79"/>
        <source>Files whose names contain a shot code (E01S02-03, E01_003) attach to that shot</source>
        <translation>文件名中含镜头编号（E01S02-03、E01_003）的文件会挂到对应镜头</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="80"/>
        <source>image</source>
        <translation>张图片</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="81"/>
        <source>second</source>
        <translation>秒</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="82"/>
        <source>clip</source>
        <translation>视频片段</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="83"/>
        <source>1k_tokens</source>
        <translation>千 token</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="84"/>
        <source>1k_chars</source>
        <translation>千字符</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="85"/>
        <source>track</source>
        <translation>首</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="86"/>
        <source>minute</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="87"/>
        <source>request</source>
        <translation>次请求</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="88"/>
        <source>character</source>
        <translation>字符</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="89"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="90"/>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="91"/>
        <source>music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="92"/>
        <source>speech</source>
        <translation>语音</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="93"/>
        <source>lipsync</source>
        <translation>对口型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="94"/>
        <source>voice_clone</source>
        <translation>声音克隆</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="95"/>
        <source>voice_convert</source>
        <translation>变声</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="96"/>
        <source>Kling lip sync</source>
        <translation>可灵对口型</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="97"/>
        <source>Kling&apos;s lip sync (identify-face + advanced-lip-sync) on a clip Kling made or a public link; 2-60 s clips, 512-2160 px, one face.</source>
        <translation>可灵对口型（人脸识别 + 高级对口型），用于可灵生成的片段或公开链接；片段 2-60 秒，512-2160 像素，一张人脸。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="98"/>
        <source>fal.ai lip sync (sync-lipsync, LatentSync...)</source>
        <translation>fal.ai 对口型（sync-lipsync、LatentSync 等）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="99"/>
        <source>Lip-sync models hosted on fal.ai; sends any local clip and sound.</source>
        <translation>fal.ai 托管的对口型模型；可发送任意本地片段和声音。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="100"/>
        <source>advanced: identify-face + advanced-lip-sync (2-60 s); legacy: the older single call (2-10 s, 720-1920 px)</source>
        <translation>advanced：人脸识别 + 高级对口型（2-60 秒）；legacy：旧版单次调用（2-10 秒，720-1920 像素）</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="100"/>
        <source>Kling&apos;s lip sync (identify-face + advanced-lip-sync); a clip Kling did not make is first put on fal.ai&apos;s file storage; 2-60 s clips, 512-2160 px, one face.</source>
        <translation>可灵对口型（人脸识别 + 高级对口型）；非可灵生成的片段会先放到 fal.ai 的文件存储；片段 2-60 秒，512-2160 像素，一张人脸。</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="100"/>
        <source>fal: a clip made elsewhere is uploaded to fal.ai&apos;s file storage (with your fal.ai key) so Kling can fetch it; none: only clips Kling made are sent</source>
        <translation>fal：其他来源的片段会上传到 fal.ai 的文件存储（使用你的 fal.ai 密钥），以便可灵读取；none：只发送可灵生成的片段</translation>
    </message>
    <message>
        <location filename="../../widgets/settings/provider_texts.py" line="100"/>
        <source>A cloned voice speaks only with the CosyVoice model it was made for</source>
        <translation>复刻的声音只能用它所属的 CosyVoice 模型朗读</translation>
    </message>
</context>
<context>
    <name>Providers</name>
    <message>
        <location filename="../../app/jobs/actions.py" line="108"/>
        <source>writing (text)</source>
        <translation>写作（文本）</translation>
    </message>
    <message>
        <location filename="../../app/jobs/actions.py" line="109"/>
        <source>images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../app/jobs/actions.py" line="110"/>
        <source>video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../app/jobs/actions.py" line="111"/>
        <source>music</source>
        <translation>音乐</translation>
    </message>
    <message>
        <location filename="../../app/jobs/actions.py" line="112"/>
        <source>voices</source>
        <translation>配音</translation>
    </message>
    <message>
        <location filename="../../app/jobs/actions.py" line="113"/>
        <source>lip sync</source>
        <translation>对口型</translation>
    </message>
    <message>
        <location filename="../../app/jobs/actions.py" line="129"/>
        <source>No provider for {what} is set up yet. Open Providers, choose one that makes {what} and enter its key.</source>
        <translation>还没有设置生成{what}的服务商。请打开“服务商”，选择一个能生成{what}的服务商并填写密钥。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/actions.py" line="136"/>
        <source>{provider} cannot make {what}. Choose another provider for {what} in Providers.</source>
        <translation>{provider} 不能生成{what}。请在“服务商”中为{what}选择其他服务商。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/actions.py" line="145"/>
        <source>{provider} is not set up yet: {fields} missing. Enter it in Providers.</source>
        <translation>{provider} 尚未设置：缺少 {fields}。请在“服务商”中填写。</translation>
    </message>
</context>
<context>
    <name>ProvidersDialog</name>
    <message>
        <location filename="../../widgets/settings/providers_dialog.py" line="338"/>
        <source>Providers</source>
        <translation>服务商</translation>
    </message>
</context>
</TS>
