<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ImportJob</name>
    <message>
        <location filename="../../app/media/import_job.py" line="49" />
        <source>Import {name}</source>
        <translation>导入 {name}</translation>
    </message>
    <message>
        <location filename="../../app/media/import_job.py" line="50" />
        <source>Import {n} files</source>
        <translation>导入 {n} 个文件</translation>
    </message>
</context>
<context>
    <name>JobFailures</name>
    <message>
        <location filename="../../app/jobs/failures.py" line="49" />
        <location filename="../../app/jobs/failures.py" line="56" />
        <source>The server did not answer in time.</source>
        <translation>服务器未及时响应。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/failures.py" line="51" />
        <source>Could not connect to the server ({reason}).</source>
        <translation>无法连接服务器（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/failures.py" line="58" />
        <source>The connection failed ({reason}).</source>
        <translation>连接失败（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/failures.py" line="63" />
        <source>A file operation failed: {reason}.</source>
        <translation>文件操作失败：{reason}。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/failures.py" line="66" />
        <source>Internal error ({name}: {reason}). Please report it.</source>
        <translation>内部错误（{name}：{reason}）。请报告此问题。</translation>
    </message>
</context>
<context>
    <name>OriginalText</name>
    <message>
        <location filename="../../widgets/jobs/original_text.py" line="70" />
        <source>Hide original</source>
        <translation>隐藏原文</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/original_text.py" line="70" />
        <source>Show original</source>
        <translation>显示原文</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/original_text.py" line="71" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../widgets/jobs/original_text.py" line="72" />
        <source>The vendor's own message, for a support request</source>
        <translation>服务商的原始消息，可用于联系客服</translation>
    </message>
</context>
<context>
    <name>VendorErrors</name>
    <message>
        <location filename="../../app/jobs/vendor_errors.py" line="34" />
        <source>{vendor} refused the API key. Check the key in Edit ▸ Providers…</source>
        <translation>{vendor} 拒绝了 API 密钥。请在“编辑 ▸ 服务商…”中检查密钥。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/vendor_errors.py" line="35" />
        <source>{vendor}: the account is out of credit or its quota is used up. Top it up on the vendor's site, then Retry.</source>
        <translation>{vendor}：账户余额不足或额度已用完。请到服务商网站充值后点“重试”。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/vendor_errors.py" line="37" />
        <source>{vendor} is receiving too many requests from this account. Wait a moment, then Retry.</source>
        <translation>{vendor} 收到此账户的请求过多（限流）。请稍候再点“重试”。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/vendor_errors.py" line="38" />
        <source>{vendor} refused the prompt or picture under its content rules. Change the prompt or the picture, then generate again.</source>
        <translation>{vendor} 依据内容规则拒绝了提示词或图片。请修改提示词或图片后重新生成。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/vendor_errors.py" line="40" />
        <source>{vendor} did not accept a setting of this request (model, duration, size or picture). Check the shot's settings.</source>
        <translation>{vendor} 不接受此请求中的某项参数（模型、时长、尺寸或图片）。请检查镜头设置。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/vendor_errors.py" line="42" />
        <source>{vendor} no longer has this task (or the model does not exist).</source>
        <translation>{vendor} 那边已没有这个任务（或该模型不存在）。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/vendor_errors.py" line="43" />
        <source>{vendor}'s server had a problem. Try again later.</source>
        <translation>{vendor} 的服务器出错了。请稍后重试。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/vendor_errors.py" line="44" />
        <source>{vendor} did not answer in time. Check your connection, then Retry.</source>
        <translation>{vendor} 未及时响应。请检查网络连接后点“重试”。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/vendor_errors.py" line="45" />
        <source>The connection to {vendor} failed or broke off. Check your connection and the server address.</source>
        <translation>与 {vendor} 的连接失败或中断。请检查网络连接和服务器地址。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/vendor_errors.py" line="47" />
        <source>{vendor} could not make this result: {reason}</source>
        <translation>{vendor} 未能生成此结果：{reason}</translation>
    </message>
    <message>
        <location filename="../../app/jobs/vendor_errors.py" line="46" />
        <source>{vendor} sent an answer the editor cannot read.</source>
        <translation>{vendor} 返回了无法识别的应答。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/vendor_errors.py" line="48" />
        <source>The result from {vendor} could not be downloaded or is not usable media.</source>
        <translation>无法下载 {vendor} 的结果，或结果不是可用的媒体文件。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/vendor_errors.py" line="49" />
        <source>{vendor} is not fully set up. Open Edit ▸ Providers… and fill in its settings.</source>
        <translation>{vendor} 尚未设置完整。请打开“编辑 ▸ 服务商…”填写设置。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/vendor_errors.py" line="59" />
        <source>{vendor} refused the connection: is the server running? Check the server address.</source>
        <translation>{vendor} 拒绝了连接：服务器是否在运行？请检查服务器地址。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/vendor_errors.py" line="65" />
        <source>The vendor</source>
        <translation>服务商</translation>
    </message>
    <message>
        <location filename="../../app/jobs/vendor_errors.py" line="89" />
        <source>{vendor} did not answer completely. The request may have reached it and been billed, so it is not sent again automatically; check your account on the vendor's site.</source>
        <translation>{vendor} 的应答不完整。请求可能已送达并已计费，因此不会自动重发；请到服务商网站查看账户。</translation>
    </message>
    <message>
        <location filename="../../app/jobs/vendor_errors.py" line="92" />
        <source>{vendor} reported an error.</source>
        <translation>{vendor} 报告了一个错误。</translation>
    </message>
</context>
</TS>